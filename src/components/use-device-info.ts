import { readDeviceInfo, type DeviceInfo } from '../features/device';
import { readSettings } from '../features/settings';
import { useEffect, useState } from 'react';

/** What this browser offers the models (WebGPU adapter, cores, memory); null while it is asked. */
export function useDeviceInfo(): DeviceInfo | null {
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  useEffect(() => void readDeviceInfo(readSettings().wasmThreads).then(setDevice), []);
  return device;
}
