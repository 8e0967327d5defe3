from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_approved_protocol_document")]

    operations = [
        migrations.RenameField(model_name="cyclephase", old_name="name", new_name="name_sl"),
        migrations.AlterField(
            model_name="cyclephase",
            name="name_sl",
            field=models.CharField(max_length=255, verbose_name="name in Slovenian"),
        ),
        migrations.AddField(
            model_name="cyclephase",
            name="name_hr",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in Croatian"),
        ),
        migrations.AddField(
            model_name="cyclephase",
            name="name_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in English"),
        ),
    ]
