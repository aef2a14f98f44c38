/**
 * Settings of the operations worker that are not the pipeline's.
 */
export interface OperationsWorkerSettings {
  /**
   * The queue's redrive `maxReceiveCount`: a record failing on this receive goes to the DLQ, so
   * it is reported to the failure topic whatever the error. @default Infinity (unknown)
   */
  readonly maxReceiveCount: number;
  /** No record starts, and no status poll is made, this close to the Lambda timeout. @default 15000 */
  readonly deadlineSafetyMs: number;
}
