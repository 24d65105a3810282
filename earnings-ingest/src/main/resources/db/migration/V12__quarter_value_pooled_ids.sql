-- Quarter values take their ids from the BIGSERIAL's sequence in blocks of 50 (the entity's allocationSize),
-- so an import's new values are inserted in batches rather than one round trip each (IDENTITY cannot batch).
-- The column keeps its default; every nextval, from it or from Hibernate, reserves a block of its own.
ALTER SEQUENCE quarter_value_id_seq INCREMENT BY 50;
