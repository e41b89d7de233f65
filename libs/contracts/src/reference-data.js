export const ENTITY_KINDS = ['company', 'organization', 'person', 'state_body', 'legal_entity'];
