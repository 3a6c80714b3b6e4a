// Test-only: the CSL-JSON schema, shared by the CSL-JSON export tests and the fuzz target.

/**
 * The CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json at e3ce254,
 * 2023-01-25, MIT licence), written as its variable lists; the definitions are copied as they are.
 */
const STRING_VARIABLES = ['citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label', 'collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note', 'original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status', 'title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix']; // prettier-ignore
const STRING_OR_NUMBER_VARIABLES = ['id', 'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing', 'supplement', 'volume']; // prettier-ignore
const NAME_VARIABLES = ['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator']; // prettier-ignore
const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']; // prettier-ignore
const TYPES = ['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']; // prettier-ignore

export const CSL_DATA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: TYPES },
      categories: { type: 'array', items: { type: 'string' } },
      custom: { type: 'object' },
      ...Object.fromEntries(STRING_VARIABLES.map((v) => [v, { type: 'string' }])),
      ...Object.fromEntries(STRING_OR_NUMBER_VARIABLES.map((v) => [v, { type: ['string', 'number'] }])), // prettier-ignore
      ...Object.fromEntries(NAME_VARIABLES.map((v) => [v, { type: 'array', items: { $ref: '#/definitions/name-variable' } }])), // prettier-ignore
      ...Object.fromEntries(DATE_VARIABLES.map((v) => [v, { $ref: '#/definitions/date-variable' }])), // prettier-ignore
    },
    required: ['type', 'id'],
    additionalProperties: false,
  },
  definitions: {
    'name-variable': {"anyOf": [{"type": "object", "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "dropping-particle": {"type": "string"}, "non-dropping-particle": {"type": "string"}, "suffix": {"type": "string"}, "comma-suffix": {"type": ["string", "number", "boolean"]}, "static-ordering": {"type": ["string", "number", "boolean"]}, "literal": {"type": "string"}, "parse-names": {"type": ["string", "number", "boolean"]}}, "additionalProperties": false}]}, // prettier-ignore
    'date-variable': {"anyOf": [{"type": "object", "properties": {"date-parts": {"type": "array", "items": {"type": "array", "items": {"type": ["string", "number"]}, "minItems": 1, "maxItems": 3}, "minItems": 1, "maxItems": 2}, "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]}, "literal": {"type": "string"}, "raw": {"type": "string"}}, "additionalProperties": false}]}, // prettier-ignore
  },
};
