import { gstinCheckChar } from '../gst/gstin';

/** "27" + PAN + entity number + "Z" + check character. */
export function buildGstin(stateCode: string, pan: string, entity = '1'): string {
  const first14 = `${stateCode}${pan}${entity}Z`;
  return `${first14}${gstinCheckChar(first14)}`;
}
