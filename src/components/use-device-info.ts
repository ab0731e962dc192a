import { readSettings } from '../settings/settings';
import { useEffect, useState } from 'react';
import { readDeviceInfo, type DeviceInfo } from '../diagnostics/device-info';

/** What this browser offers the models (WebGPU adapter, cores, memory); null while it is asked. */
export function useDeviceInfo(): DeviceInfo | null {
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  useEffect(() => void readDeviceInfo(readSettings().wasmThreads).then(setDevice), []);
  return device;
}
