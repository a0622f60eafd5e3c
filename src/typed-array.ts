/** A copy of `array` with room for `capacity` elements (for buffers that grow while a text is scanned). */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array);
  return copy;
}
