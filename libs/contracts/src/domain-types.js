// Plain data shapes shared by the API, the worker, the workflows and the domain library.
// Field names follow the v1 API contract in DESIGN.md §7: renaming one is a breaking change.
export const ROLES = ['buyer', 'reviewer', 'approver', 'auditor', 'admin'];
export const BUYER_TYPES = ['central_government', 'local_authority', 'police', 'us_federal', 'other'];
export const SCREENING_STATUSES = [
    'awaiting_declaration',
    'information_requested',
    'checking',
    'awaiting_review',
    'awaiting_approval',
    'awaiting_representations',
    'awaiting_ministerial_referral',
    'approved',
    'rejected',
    'excluded',
    'expired',
    'withdrawn',
];
export const FINAL_STATUSES = ['approved', 'rejected', 'excluded', 'expired', 'withdrawn'];
/** Stable factor codes (DESIGN §7). A policy may add its own codes. */
export const FACTOR_CODES = [
    'WATCHLIST_MATCH',
    'DEBARRED',
    'STATE_OWNERSHIP',
    'INTELLIGENCE_LAW_JURISDICTION',
    'COVERED_EQUIPMENT',
    'WHITE_LABEL_PRODUCT',
    'UNDECLARED_OWNER',
    'UNVERIFIED_DECLARATION',
    'MISSING_INFORMATION',
    'SUBCONTRACTOR_RISK',
    'SANCTIONS_JURISDICTION',
];
export const CHECKS = ['name_screening', 'ownership', 'jurisdiction', 'product', 'subcontractor'];
