import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CASE_DECISION_LABELS,
  CASE_EVENT_LABELS,
  nextCaseSteps,
  type TCaseStage,
  type TCaseStepKind,
  type TCaseType,
} from '@chuangkou/rules/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC, useTRPCClient } from '../../lib/trpc.ts';

export type TStepKind = TCaseStepKind;

type TCaseLike = {
  id: number;
  type: TCaseType;
  stage: TCaseStage;
  explanationFiledOn: string | null;
};
type TJointLike = { department: string; answeredOn: string | null };

/**
 * The steps a case can take next, as the rules allow them (the API refuses anything else with its
 * reason): 补办, 材料补齐, 退回, 抄告 and 反馈 (联办), 上报, 说明, 批复, 办结, 通知, 领取.
 */
export function nextSteps(c: TCaseLike, joint: readonly TJointLike[]): TStepKind[] {
  return nextCaseSteps({
    type: c.type,
    stage: c.stage,
    explanationFiledOn: c.explanationFiledOn,
    hasUnansweredDepartment: joint.some((j) => !j.answeredOn),
  });
}

type TValues = {
  on: Dayjs;
  missing?: string[];
  reasons?: string[];
  departments?: { department: string; limitDays: number }[];
  department?: string;
  opinion?: string;
  explanation?: string;
  decision?: 'approved' | 'refused';
};

/** The buttons of the next steps, each with its small form (the day, and what the step needs). */
export function CaseActions({ c, joint }: { c: TCaseLike; joint: readonly TJointLike[] }) {
  const { t, term } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<TStepKind | null>(null);
  const [form] = Form.useForm<TValues>();
  const step = useMutation({
    mutationFn: async ({ kind, v }: { kind: TStepKind; v: TValues }) => {
      const base = { id: c.id, on: v.on.format('YYYY-MM-DD') };
      switch (kind) {
        case 'requestMaterials':
          return client.cases.requestMaterials.mutate({ ...base, missing: v.missing ?? [] });
        case 'return':
          return client.cases.return.mutate({ ...base, reasons: v.reasons ?? [] });
        case 'copyJoint':
          return client.cases.copyJoint.mutate({ ...base, departments: v.departments ?? [] });
        case 'jointAnswer':
          return client.cases.jointAnswer.mutate({
            ...base,
            department: v.department ?? '',
            opinion: v.opinion,
          });
        case 'fileExplanation':
          return client.cases.fileExplanation.mutate({ ...base, explanation: v.explanation ?? '' });
        case 'decide':
          return client.cases.decide.mutate({
            ...base,
            decision: v.decision ?? 'approved',
            ...(v.reasons?.length ? { reasons: v.reasons } : {}),
          });
        case 'materialsComplete':
          return client.cases.materialsComplete.mutate(base);
        case 'forward':
          return client.cases.forward.mutate(base);
        case 'upperReply':
          return client.cases.upperReply.mutate(base);
        case 'notify':
          return client.cases.notify.mutate(base);
        case 'pickUp':
          return client.cases.pickUp.mutate(base);
      }
    },
    onSuccess: async () => {
      setKind(null);
      form.resetFields();
      message.success(t('app.saved'));
      await queryClient.invalidateQueries(trpc.cases.pathFilter());
    },
  });
  const steps = nextSteps(c, joint);
  if (steps.length === 0) return null;
  const open = (k: TStepKind) => {
    step.reset();
    form.resetFields();
    form.setFieldsValue({
      on: dayjs(),
      decision: 'approved',
      departments: [{ department: '', limitDays: 3 }],
    });
    setKind(k);
  };
  const required = (field: TKey) => [{ required: true, message: t('entry.required', { field: t(field) }) }];

  return (
    <>
      <Space wrap data-testid="case-actions">
        {steps.map((k) => (
          <Button
            key={k}
            size="small"
            type={k === 'decide' ? 'primary' : 'default'}
            onClick={() => open(k)}
            data-testid={`step-${k}`}
          >
            {term(CASE_EVENT_LABELS[k])}
          </Button>
        ))}
      </Space>
      <Modal
        open={kind !== null}
        title={kind ? term(CASE_EVENT_LABELS[kind]) : ''}
        cancelText={t('app.cancel')}
        confirmLoading={step.isPending}
        onCancel={() => setKind(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => kind && step.mutate({ kind, v })}>
          <Form.Item name="on" label={t('entry.date')} rules={required('entry.date')}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {kind === 'requestMaterials' ? (
            <Form.Item
              name="missing"
              label={t('case.step.missing')}
              rules={required('case.step.missing')}
              extra={t('case.step.missingHint')}
            >
              <Select mode="tags" open={false} />
            </Form.Item>
          ) : null}
          {kind === 'return' ? (
            <Form.Item
              name="reasons"
              label={t('case.step.reasons')}
              rules={required('case.step.reasons')}
              extra={t('case.step.returnHint')}
            >
              <Select mode="tags" open={false} />
            </Form.Item>
          ) : null}
          {kind === 'copyJoint' ? (
            <Form.List name="departments">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'department']} rules={required('case.step.department')}>
                        <Input placeholder={t('case.step.department')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'limitDays']} rules={required('case.step.limitDays')}>
                        <InputNumber min={1} max={365} addonAfter={t('case.step.limitDays')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    onClick={() => add({ department: '', limitDays: 3 })}
                    icon={<PlusOutlined />}
                  >
                    {t('case.step.department')}
                  </Button>
                </>
              )}
            </Form.List>
          ) : null}
          {kind === 'jointAnswer' ? (
            <>
              <Form.Item
                name="department"
                label={t('case.step.department')}
                rules={required('case.step.department')}
              >
                <Select
                  options={joint
                    .filter((j) => !j.answeredOn)
                    .map((j) => ({ value: j.department, label: j.department }))}
                />
              </Form.Item>
              <Form.Item name="opinion" label={t('case.detail.opinion')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'fileExplanation' ? (
            <Form.Item
              name="explanation"
              label={t('case.step.explanation')}
              rules={required('case.step.explanation')}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {kind === 'decide' ? (
            <>
              <Form.Item name="decision" label={t('case.step.decision')}>
                <Radio.Group
                  options={[
                    { value: 'approved', label: term(CASE_DECISION_LABELS.approved) },
                    { value: 'refused', label: term(CASE_DECISION_LABELS.refused) },
                  ]}
                />
              </Form.Item>
              <Form.Item name="reasons" label={t('case.step.refusalReasons')}>
                <Select mode="tags" open={false} />
              </Form.Item>
            </>
          ) : null}
        </Form>
        {step.isError ? <Alert type="error" showIcon title={errorMessage(step.error)} role="alert" /> : null}
      </Modal>
    </>
  );
}
