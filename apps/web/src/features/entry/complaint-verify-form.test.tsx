import { Form } from 'antd';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../../test-utils.tsx';
import { ComplaintVerifyForm, type TVerify } from './complaint-verify-form.tsx';

afterEach(async () => {
  document.body.innerHTML = '';
  // let the form's last asynchronous warnings reach the console before the worker closes
  await new Promise((resolve) => setTimeout(resolve, 100));
});

const complaint = {
  id: 949,
  date: '2026-11-24',
  content: '窗口人员态度生硬',
  staffName: '林俊勇',
  windowName: '市场监管3号窗口',
  channel: 'hotline12345' as const,
};

/** The form as the dialog holds it, with a handle on its instance and on what it submitted. */
function Harness({
  onReady,
  submitted,
}: {
  onReady: (f: ReturnType<typeof Form.useForm<TVerify>>[0]) => void;
  submitted: TVerify[];
}) {
  const [form] = Form.useForm<TVerify>();
  onReady(form);
  return <ComplaintVerifyForm form={form} complaint={complaint} onFinish={(v) => submitted.push(v)} />;
}

describe('ComplaintVerifyForm (考核细则 二(三) 经查实属有效投诉)', () => {
  it('shows who and which window are accused, and chooses no verdict in advance', async () => {
    let form: ReturnType<typeof Form.useForm<TVerify>>[0] | undefined;
    const submitted: TVerify[] = [];
    const { container } = await render(<Harness onReady={(f) => (form = f)} submitted={submitted} />);
    const accused = container.querySelector('[data-testid=verify-accused]')?.textContent ?? '';
    expect(accused).toContain('林俊勇');
    expect(accused).toContain('市场监管3号窗口');
    expect(container.querySelectorAll('input[type=radio]')).toHaveLength(2);
    expect(container.querySelectorAll('input[type=radio]:checked')).toHaveLength(0);
    let refused: unknown;
    await act(async () => {
      refused = await form!.validateFields().catch((error: unknown) => error);
    });
    expect(refused).toMatchObject({
      errorFields: [{ name: ['isValid'], errors: ['请选择核实结果：有效或无效'] }],
    });
    expect(submitted).toEqual([]);
  });

  it('asks the reason of an invalid verdict before it dismisses the complaint', async () => {
    let form: ReturnType<typeof Form.useForm<TVerify>>[0] | undefined;
    const submitted: TVerify[] = [];
    await render(<Harness onReady={(f) => (form = f)} submitted={submitted} />);
    await act(async () => {
      form!.setFieldsValue({ isValid: false });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    let refused: unknown;
    await act(async () => {
      refused = await form!.validateFields().catch((error: unknown) => error);
    });
    expect(refused).toMatchObject({ errorFields: [{ name: ['note'], errors: ['核实为无效须说明理由'] }] });
    expect(submitted).toEqual([]);
    await act(async () => {
      form!.setFieldsValue({ note: '经调取录像，工作人员解释耐心' });
      form!.submit();
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(submitted).toEqual([{ isValid: false, note: '经调取录像，工作人员解释耐心' }]);
  });
});
