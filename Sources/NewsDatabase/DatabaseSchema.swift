/// The database schema: every version's DDL, in order. This file is the one place the DDL lives;
/// `newsevents db schema` prints it and `newsevents db init` applies what a database lacks, each version in one
/// transaction, recording it in `newsevents_schema`.
///
/// Migrations are append-only: a released version is never edited; a change is a new version whose SQL turns the
/// previous tables into the new ones (README: PostgreSQL, Migrations).
public enum DatabaseSchema {
    public struct Migration: Sendable {
        public var version: Int
        public var summary: String
        public var sql: String
    }

    /// The schema version this program writes.
    public static var currentVersion: Int { migrations.last!.version }

    /// Created before any migration: which versions are applied, and when.
    static let versionTable = """
        CREATE TABLE IF NOT EXISTS newsevents_schema (
            version integer PRIMARY KEY,
            summary text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """

    public static let migrations: [Migration] = [
        Migration(
            version: 1, summary: "articles, events, entities, retractions; current_events view",
            sql: """
                -- One row per article (its stable id). Loaded from event records, only the members an event record
                -- carries are set; from article records, all of them.
                CREATE TABLE articles (
                    id text PRIMARY KEY,
                    url text,
                    canonical_url text,
                    title text,
                    published text,                -- as in the record: a date or a date-time
                    published_on date,             -- its day, when it has one
                    language text,
                    site_name text,
                    content_sha256 text NOT NULL,  -- SHA-256 of the input's bytes
                    text text,                     -- the main text (article records only)
                    loaded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX articles_published_on ON articles (published_on);

                -- One row per event (its stable id), with its actor and target flattened.
                CREATE TABLE events (
                    id text PRIMARY KEY,
                    article_id text NOT NULL REFERENCES articles (id),
                    type text NOT NULL,            -- PLOVER event type
                    mode text,
                    context text[] NOT NULL DEFAULT '{}',
                    cameo text NOT NULL,           -- CAMEO code, leading zeros kept
                    quad_class smallint NOT NULL,
                    actor_text text,
                    actor_kind text,               -- country, group or official
                    actor_id text,
                    actor_country text,            -- ISO 3166-1 alpha-3
                    target_text text,
                    target_kind text,
                    target_id text,
                    target_country text,
                    date_value text,               -- ISO 8601 (a day, a month, a year, a week ...)
                    date_day date,                 -- the day, when the date is one
                    date_precision text,
                    date_timex text,               -- the TimeML value (event/3 records)
                    date_text text,
                    mentions integer NOT NULL,
                    certainty text NOT NULL,       -- asserted or alleged
                    evidence_sentence text NOT NULL,
                    evidence_start integer NOT NULL,
                    evidence_end integer NOT NULL,
                    evidence_cue text NOT NULL,
                    rules text[] NOT NULL DEFAULT '{}',
                    coder_version text,
                    loaded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX events_article ON events (article_id);
                CREATE INDEX events_date_day ON events (date_day);
                CREATE INDEX events_actor_country ON events (actor_country, date_day);
                CREATE INDEX events_target_country ON events (target_country, date_day);
                CREATE INDEX events_type ON events (type, date_day);

                -- The countries, groups and officials an article names (article records), or the actors and targets
                -- of its events (event records).
                CREATE TABLE entities (
                    article_id text NOT NULL REFERENCES articles (id),
                    id text NOT NULL,
                    kind text NOT NULL,
                    name text NOT NULL,
                    country text,
                    type text,
                    title text,
                    affiliation text,
                    mentions integer,
                    PRIMARY KEY (article_id, id)
                );
                CREATE INDEX entities_country_kind ON entities (country, kind);

                -- An event an earlier version of its article had and the new version has not.
                CREATE TABLE retractions (
                    id text PRIMARY KEY,
                    event_id text NOT NULL,
                    article_id text NOT NULL,
                    reason text NOT NULL,
                    content_sha256 text NOT NULL,
                    loaded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX retractions_event ON retractions (event_id);

                -- The events no retraction withdrew.
                CREATE VIEW current_events AS
                    SELECT e.* FROM events e
                    WHERE NOT EXISTS (SELECT 1 FROM retractions r WHERE r.event_id = e.id);
                """)
    ]

    /// Every version's DDL as one SQL script (`newsevents db schema`).
    public static var script: String {
        var text = "-- newsevents database schema, version \(currentVersion)\n\n" + versionTable + "\n"
        for migration in migrations {
            text += "\n-- version \(migration.version): \(migration.summary)\n" + migration.sql + "\n"
            text += "INSERT INTO newsevents_schema (version, summary) VALUES (\(migration.version), "
            text += "'\(migration.summary.replacingOccurrences(of: "'", with: "''"))');\n"
        }
        return text
    }
}
