import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../components/page-head.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage, useTRPC } from '../../lib/trpc.ts';
import { parseScheduleLines, scheduleLines } from './schedule-lines.ts';

type TForm = { year: number; holidays: string; workdays: string; reason?: string };

/**
 * 工作日历: the years the working-day calendar covers (the official data shipped, or entered by the
 * center) and a form to enter or correct a year's schedule from the State Council's notice. Saving
 * recounts every deadline counted through the year.
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const [lineError, setLineError] = useState<string | null>(null);
  const years = useQuery(trpc.calendar.years.queryOptions());
  const enter = useMutation(
    trpc.calendar.enterYear.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('cal.saved', { ...r }));
        await queryClient.invalidateQueries(trpc.calendar.pathFilter());
        await queryClient.invalidateQueries(trpc.cases.pathFilter());
      },
    }),
  );
  const load = async (year: number) => {
    const s = await queryClient.fetchQuery(trpc.calendar.year.queryOptions({ year }));
    form.setFieldsValue({ holidays: scheduleLines(s.holidays), workdays: scheduleLines(s.workdays) });
  };
  const submit = (v: TForm) => {
    setLineError(null);
    const holidays = parseScheduleLines(v.holidays ?? '');
    const workdays = parseScheduleLines(v.workdays ?? '');
    for (const parsed of [holidays, workdays]) {
      if ('badLine' in parsed) {
        setLineError(t('cal.badLine', { line: parsed.badLine, text: parsed.text }));
        return;
      }
    }
    if ('days' in holidays && 'days' in workdays) {
      enter.mutate({
        year: v.year,
        holidays: holidays.days,
        workdays: workdays.days,
        ...(v.reason && { reason: v.reason }),
      });
    }
  };

  return (
    <div data-testid="page-calendar">
      <PageHead title={t('nav.calendar')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('cal.years')}>
            <QueryView query={years} isEmpty={(r) => r.years.length === 0}>
              {(r) => (
                <Table
                  size="small"
                  rowKey="year"
                  data-testid="calendar-years"
                  dataSource={[...r.years].reverse()}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { key: 'year', title: t('cal.year'), dataIndex: 'year' },
                    {
                      key: 'source',
                      title: t('cal.source'),
                      render: (_, y) =>
                        y.source === 'center' ? (
                          <Tag color="green">{t('cal.source.center')}</Tag>
                        ) : (
                          <Tag>{t('cal.source.official')}</Tag>
                        ),
                    },
                    { key: 'holidays', title: t('cal.holidays'), dataIndex: 'holidays', align: 'right' },
                    { key: 'workdays', title: t('cal.workdays'), dataIndex: 'workdays', align: 'right' },
                    {
                      key: 'at',
                      title: t('cal.enteredAt'),
                      render: (_, y) => y.enteredAt?.slice(0, 16).replace('T', ' ') ?? '',
                    },
                  ]}
                />
              )}
            </QueryView>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('cal.enter')}>
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ year: years.data?.missingYear ?? new Date().getFullYear() + 1 }}
            >
              <Space align="end">
                <Form.Item name="year" label={t('cal.year')} rules={[{ required: true }]}>
                  <InputNumber min={2000} max={2100} data-testid="calendar-year" />
                </Form.Item>
                <Form.Item>
                  <Button onClick={() => load(form.getFieldValue('year') as number)}>{t('cal.load')}</Button>
                </Form.Item>
              </Space>
              <Form.Item name="holidays" label={t('cal.holidayLines')} rules={[{ required: true }]}>
                <Input.TextArea rows={8} placeholder="2027-01-01 元旦" data-testid="calendar-holidays" />
              </Form.Item>
              <Form.Item name="workdays" label={t('cal.workdayLines')}>
                <Input.TextArea rows={4} placeholder="2027-02-07 春节" data-testid="calendar-workdays" />
              </Form.Item>
              <Form.Item name="reason" label={t('cal.reason')}>
                <Input maxLength={500} />
              </Form.Item>
              {lineError || enter.error ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 12 }}
                  title={lineError ?? errorMessage(enter.error)}
                />
              ) : null}
              <Button type="primary" htmlType="submit" loading={enter.isPending} data-testid="calendar-save">
                {t('app.save')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
