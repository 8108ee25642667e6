export type { ProcedureDef, ProcedureRunPlan, ProcedureStepDef, ProcedureWhen, RunStep, SenseCondition, SlotPlan, StepKind } from './procedure-types';
export { planProcedureRun, type ProcedureRunOptions, type ProcedureRunPlanResult } from './run-plan';
export { magazineFor, type RunMagazine } from './run-magazine';
export { adhocJobs, runStepOf, type StepContext } from './run-steps';
