/** The project itself is unusable (no seeds/ folder, no scale file...): `check` exits with status 2. */
export class ModelSetupError extends Error {
  override name = 'ModelSetupError';
}
