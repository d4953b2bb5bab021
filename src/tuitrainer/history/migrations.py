"""The history schema, one list of statements per version.

`PRAGMA user_version` holds the version a file is at; opening a file runs the
missing steps in order, each in its own transaction. Append, never edit.
"""

from __future__ import annotations

# The figure-4 test's first wording in tuitrainer, named as its answers keep it.
FIGURE_4_BEFORE = "both knees bent, feet flat; about a fist-width passed"

MIGRATIONS: list[list[str]] = [
    # 1: workouts, their sides, and every rep with its time.
    [
        """CREATE TABLE workouts (
            id INTEGER PRIMARY KEY,
            session TEXT NOT NULL,
            title TEXT NOT NULL,
            session_hash TEXT NOT NULL,
            session_path TEXT,
            speed REAL NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            segment_index INTEGER NOT NULL DEFAULT 0,
            pid INTEGER
        )""",
        """CREATE TABLE sides (
            id INTEGER PRIMARY KEY,
            workout_id INTEGER NOT NULL REFERENCES workouts (id) ON DELETE CASCADE,
            exercise_index INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            exercise_name TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            side TEXT NOT NULL,
            reps_target INTEGER NOT NULL,
            reps_done INTEGER NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            finished INTEGER NOT NULL DEFAULT 0,
            UNIQUE (workout_id, exercise_index, set_number, side)
        )""",
        """CREATE TABLE reps (
            id INTEGER PRIMARY KEY,
            side_id INTEGER NOT NULL REFERENCES sides (id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            at TEXT NOT NULL,
            offset_seconds REAL NOT NULL
        )""",
        "CREATE INDEX workouts_started ON workouts (started_at)",
        "CREATE INDEX workouts_session ON workouts (session, status)",
        "CREATE INDEX reps_side ON reps (side_id, number)",
    ],
    # 2: hip self-assessments with every answer, and acknowledgements (the safety note).
    [
        """CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            tests_hash TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE assessment_answers (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            test_id TEXT NOT NULL,
            side TEXT NOT NULL,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            finding TEXT
        )""",
        "CREATE INDEX assessment_answers_test ON assessment_answers (test_id, side, assessment_id)",
        "CREATE TABLE acknowledgements (key TEXT PRIMARY KEY, at TEXT NOT NULL)",
    ],
    # 3: the hip a finding is on, which is not always the side tested (knee to chest:
    # a straight leg that lifts shows tight hip flexors in that leg, the other side).
    [
        "ALTER TABLE assessment_answers ADD COLUMN finding_side TEXT",
        "UPDATE assessment_answers SET finding_side = CASE side"
        " WHEN 'left' THEN 'right' ELSE 'left' END"
        " WHERE finding IS NOT NULL AND question_id = 'straight-leg-lifts'",
        "UPDATE assessment_answers SET finding_side = side"
        " WHERE finding IS NOT NULL AND finding_side IS NULL",
    ],
    # 4: the low end of a rep range (8 of 8-10 is a side done); NULL: a fixed count.
    [
        "ALTER TABLE sides ADD COLUMN reps_low INTEGER",
    ],
    # 5: each answer's label as shown and its test's wording, so an answer keeps its
    # meaning when a test changes. The figure-4 test used to start with both knees
    # bent, and "about a fist-width" passed; answers from before keep that wording.
    [
        "ALTER TABLE assessment_answers ADD COLUMN label TEXT",
        "ALTER TABLE assessment_answers ADD COLUMN wording TEXT",
        "UPDATE assessment_answers SET wording = '"
        + FIGURE_4_BEFORE.replace("'", "''")
        + "' WHERE test_id = 'figure-4'",
        "UPDATE assessment_answers SET label = CASE answer"
        " WHEN 'less' THEN 'Less than a fist-width'"
        " WHEN 'fist' THEN 'About a fist-width'"
        " WHEN 'more' THEN 'More than a fist-width' END"
        " WHERE test_id = 'figure-4' AND question_id = 'knee-height'",
        "UPDATE assessment_answers SET label = CASE"
        " WHEN question_id = 'straight-leg-lifts' AND answer = 'yes' THEN 'Yes, it lifted'"
        " WHEN question_id = 'straight-leg-lifts' AND answer = 'no' THEN 'No, it stayed down'"
        " WHEN question_id = 'knee-straightens' AND answer = 'yes' THEN 'Yes, it wanted to open'"
        " WHEN question_id = 'knee-straightens' AND answer = 'no' THEN 'No, it stayed bent' END"
        " WHERE test_id = 'knee-to-chest'",
    ],
    # 6: a workout run to its end with every part skipped ('skipped') or some side below
    # its target ('partial') is told apart from one done ('completed'). SQLite cannot
    # change a CHECK in place: the table is rebuilt, its rows and ids kept.
    [
        """CREATE TABLE workouts_new (
            id INTEGER PRIMARY KEY,
            session TEXT NOT NULL,
            title TEXT NOT NULL,
            session_hash TEXT NOT NULL,
            session_path TEXT,
            speed REAL NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL CHECK (status IN
                ('running', 'completed', 'partial', 'skipped', 'stopped', 'interrupted')),
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            segment_index INTEGER NOT NULL DEFAULT 0,
            pid INTEGER
        )""",
        "INSERT INTO workouts_new SELECT * FROM workouts",
        "DROP TABLE workouts",
        "ALTER TABLE workouts_new RENAME TO workouts",
        "CREATE INDEX workouts_started ON workouts (started_at)",
        "CREATE INDEX workouts_session ON workouts (session, status)",
    ],
    # 7: the Patient-Specific Functional Scale: activities the back makes hard, each
    # rated 0 (cannot do it) to 10 (as well as before the problem), at most weekly.
    [
        "CREATE TABLE psfs (id INTEGER PRIMARY KEY, taken_at TEXT NOT NULL)",
        """CREATE TABLE psfs_scores (
            id INTEGER PRIMARY KEY,
            psfs_id INTEGER NOT NULL REFERENCES psfs (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            activity TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
        )""",
        "CREATE INDEX psfs_taken ON psfs (taken_at)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
