import { type DeviceInfo } from '../features/device';
import { describeRace, deviceName } from '../shared/backend-race';

/** WebGPU or not (and which adapter), CPU cores and memory, in a short list. */
export function DeviceSummary({ device }: { device: DeviceInfo }) {
  return (
    <ul className="device" data-testid="device.info">
      <li>
        WebGPU:{' '}
        {device.webgpu
          ? `available (${device.adapter ?? 'unnamed adapter'}${device.shaderF16 ? ', fp16' : ''})${
              device.softwareAdapter
                ? ' — a software adapter, far slower than WebAssembly: models run on WebAssembly unless you choose WebGPU'
                : ''
            }`
          : 'not available — models run on the CPU (WebAssembly), more slowly'}
      </li>
      <li>CPU cores: {device.cores}</li>
      <li data-testid="device.threads">
        WebAssembly: {device.wasmThreads} {device.wasmThreads === 1 ? 'thread' : 'threads'} per
        model, {device.modelLanes} {device.modelLanes === 1 ? 'model' : 'models'} at a time
        {device.crossOriginIsolated
          ? ''
          : ' (this page is not cross-origin isolated, so one thread: reload once BRI’s offline support has installed)'}
      </li>
      {device.memoryGb !== null && <li>Memory: at least {device.memoryGb} GB</li>}
      {device.backendRaces.map((race) => (
        <li key={race.key} data-testid="device.race">
          {race.model}: {deviceName(race.winner)}, the faster here ({describeRace(race)}, measured{' '}
          {new Date(race.at).toLocaleDateString()})
        </li>
      ))}
    </ul>
  );
}
