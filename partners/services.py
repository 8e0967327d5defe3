"""Changes to the partnership: who works for which institution, in which role."""

from .models import Institution, Membership


def membership_grant(*, user, institution: Institution, role: str) -> Membership:
    """Give the user the role at the institution.

    A person has one membership per institution, so granting again (a second
    invitation, say) changes the role instead of failing on the constraint.
    """
    membership = Membership.objects.filter(user=user, institution=institution).first()
    if membership is None:
        membership = Membership(user=user, institution=institution)
    membership.role = role
    membership.full_clean()
    membership.save()
    return membership
