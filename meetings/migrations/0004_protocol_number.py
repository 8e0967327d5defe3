from django.db import migrations, models


def number_the_protocols(apps, schema_editor):
    """Each cycle's protocols numbered in the order they were first saved."""
    MeetingProtocol = apps.get_model("meetings", "MeetingProtocol")
    numbers = {}
    for protocol in MeetingProtocol.objects.order_by("cycle_id", "created_at", "pk"):
        numbers[protocol.cycle_id] = numbers.get(protocol.cycle_id, 0) + 1
        protocol.number = numbers[protocol.cycle_id]
        protocol.save(update_fields=["number"])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_cycle_end_message")]

    operations = [
        migrations.AddField(
            model_name="meetingprotocol",
            name="number",
            field=models.PositiveSmallIntegerField(
                default=0,
                editable=False,
                help_text="The protocol's number in its cycle, given when it is first saved.",
                verbose_name="number",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(number_the_protocols, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="meetingprotocol",
            constraint=models.UniqueConstraint(
                fields=("cycle", "number"), name="unique_protocol_number"
            ),
        ),
    ]
