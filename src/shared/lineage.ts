/** Where a stored result came from: enough to reproduce it or know it is stale. */
export interface Lineage {
  /** The tool or model that produced the row, e.g. 'webcodecs+mediabunny', 'silero-vad-v5'. */
  tool: string;
  /** That tool's version. */
  version: string;
  /** The parameters it ran with. */
  parameters: Record<string, unknown>;
  /** Where it ran: 'cpu' (WebCodecs/canvas), 'wasm' (onnxruntime/ffmpeg.wasm), 'webgpu'. */
  device: 'cpu' | 'wasm' | 'webgpu';
  /** The weights type a model ran with (fp32, fp16, q8, q4, q4f16); absent for non-model tools. */
  dtype?: string;
  /**
   * A frame that showed nothing new: the time of the frame whose model result this row copies
   * (the model did not run on this one).
   */
  reusedFrom?: number;
  appVersion: string;
}
