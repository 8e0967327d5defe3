"""How the portal names a person wherever it lists people: by name, else by e-mail address."""


def person_label(user) -> str:
    return user.get_full_name() or user.email
