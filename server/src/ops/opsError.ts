/** A refusal or failure an operator can act on: printed as it is, without a stack, exit code 1. */
export class OpsError extends Error {
  override readonly name = 'OpsError';
}
