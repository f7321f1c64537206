import type { TCaseStage, TCaseStepKind, TCaseType } from './case-vocabulary.ts';

/** The stages from which each step may be taken (规程 二 受理, 三 办理, 四 反馈). */
export const CASE_STEP_STAGES: Readonly<Record<TCaseStepKind, readonly TCaseStage[]>> = {
  requestMaterials: ['accepted', 'awaitingMaterials'],
  materialsComplete: ['awaitingMaterials'],
  return: ['accepted', 'awaitingMaterials'],
  copyJoint: ['accepted'],
  jointAnswer: ['accepted'],
  forward: ['accepted'],
  fileExplanation: ['forwarded'],
  upperReply: ['forwarded'],
  decide: ['accepted', 'forwarded'],
  notify: ['decided'],
  pickUp: ['notified'],
};

/** The order in which a clerk meets the steps. */
const STEP_ORDER: readonly TCaseStepKind[] = [
  'materialsComplete',
  'requestMaterials',
  'return',
  'copyJoint',
  'jointAnswer',
  'forward',
  'fileExplanation',
  'upperReply',
  'decide',
  'notify',
  'pickUp',
];

/**
 * The steps a case can take next: those its stage allows, 抄告 only on a 联办件, an answer while a
 * department has not answered, 上报 only for a 上报件, the explanation once, and no decision while the
 * upper authority has not replied. `applyCaseEvent` refuses anything else with its reason.
 */
export function nextCaseSteps(c: {
  type: TCaseType;
  stage: TCaseStage;
  explanationFiledOn: string | null;
  hasUnansweredDepartment: boolean;
}): TCaseStepKind[] {
  const applies: Partial<Record<TCaseStepKind, boolean>> = {
    copyJoint: c.type === 'joint',
    jointAnswer: c.hasUnansweredDepartment,
    forward: c.type === 'escalated',
    fileExplanation: c.explanationFiledOn === null,
    decide: c.stage !== 'forwarded',
  };
  return STEP_ORDER.filter((k) => CASE_STEP_STAGES[k].includes(c.stage) && applies[k] !== false);
}
