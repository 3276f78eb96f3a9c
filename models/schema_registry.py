"""Every table of the current schema (used by the schema-drift test and tools)."""

from models.county.records import COUNTY_MODELS
from models.disclosure.records import DISCLOSURE_MODELS
from models.elections.records import ELECTION_MODELS
from models.entities import CORE_MODELS
from models.meetings.records import MEETING_MODELS
from models.rules.records import RULE_MODELS
from models.supervision.records import SUPERVISION_MODELS
from models.sync.records import SYNC_MODELS
from models.township.notices import NOTICE_MODELS
from models.township.records import TOWNSHIP_MODELS

ALL_MODELS = (CORE_MODELS + MEETING_MODELS + RULE_MODELS + SUPERVISION_MODELS + DISCLOSURE_MODELS + SYNC_MODELS
              + TOWNSHIP_MODELS + NOTICE_MODELS + ELECTION_MODELS + COUNTY_MODELS)
