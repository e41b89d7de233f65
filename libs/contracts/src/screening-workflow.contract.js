// The screening workflow's public surface: its input, its messages and its query result.
// Declared once here so the API (client side) and the workflow (server side) cannot drift apart.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
export const submitDeclarationUpdate = defineUpdate('submitDeclaration');
export const decideUpdate = defineUpdate('decide');
export const screeningStateQuery = defineQuery('screeningState');
/** Error types raised by update validators, mapped to HTTP answers by the API. */
export const REFUSAL = {
    wrongStage: 'WrongStage',
    fourEyes: 'FourEyesViolation',
    notAllowed: 'ActionNotAllowed',
    invalid: 'InvalidAction',
};
