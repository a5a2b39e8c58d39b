"""The store: Peewee models, opening the database, migrations, office profiles. No textual here."""
