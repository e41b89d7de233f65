// How a queued notification leaves the service. The log transport is the default; SMTP is used only
// when NOTIFICATION_TRANSPORT=smtp (with SMTP_URL).

export interface OutgoingMessage {
  /** An e-mail address, or a role pool / user id (`role:approver`, `user:bob`) when none is known. */
  to: string;
  subject: string;
  text: string;
  /** For logs: what and for which screening, never the contents. */
  kind: string;
  screeningId: string;
}

export type DeliveryResult = { delivered: true } | { delivered: false; reason: string };

export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

export const NOTIFICATION_TRANSPORT = Symbol('NotificationTransport');

export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value);
}
