import { useCallback } from 'react';
import type { TLocale } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The text of the case pages (办件), zh-CN first. Kept next to the pages so the app's dictionary
 * stays its owner's; the nav titles live there (see notes/cases-web.md).
 */
const ZH = {
  'registry.title': '办件登记簿',
  'alerts.title': '办件预警',
  'satisfaction.title': '好差评满意度',
  'proposals.title': '超期扣分建议',
  'status.title': '办件进度查询',

  'f.window': '窗口',
  'f.stage': '状态',
  'f.type': '办件类型',
  'f.period': '申请日期',
  'f.overdueOnly': '仅看超期',
  'f.flaggedOnly': '仅看有标记',
  'f.code': '受理编号',
  'f.year': '年度',

  'col.code': '受理编号',
  'col.matter': '事项',
  'col.type': '类型',
  'col.window': '窗口',
  'col.staff': '受理人',
  'col.received': '申请日期',
  'col.accepted': '正式受理',
  'col.deadline': '承诺期限',
  'col.stage': '状态',
  'col.overdue': '超期（工作日）',
  'col.flags': '标记',
  'col.alert': '预警',
  'col.detail': '说明',
  'col.item': '条款',
  'col.qty': '数量',
  'col.reason': '依据',
  'col.status': '处理',
  'col.month': '月份',
  'col.total': '评价数',
  'col.rate': '满意率',
  'col.level': '评价',
  'col.comment': '评价内容',
  'col.opened': '评价日期',
  'col.due': '回访期限',
  'col.actions': '操作',

  'type.immediate': '即办件',
  'type.promised': '承诺件',
  'type.joint': '联办件',
  'type.escalated': '上报件',

  'stage.accepted': '办理中',
  'stage.awaitingMaterials': '待补齐材料',
  'stage.returned': '已退回',
  'stage.forwarded': '已上报',
  'stage.decided': '已办结',
  'stage.notified': '已通知领取',
  'stage.pickedUp': '已领取',

  'flag.oneTime': '二次补办（一次性告知未落实）',
  'flag.jointLate': '联办部门超时',
  'flag.overdue': '超期',

  'alert.overdue': '已超期',
  'alert.deadlineNear': '即将到期',
  'alert.explanationDue': '上报超15天未批复，须向中心说明',
  'alert.jointLate': '联办部门超时未反馈',
  'alert.red': '红色预警',
  'alert.yellow': '黄色预警',
  'alert.daysLeft': '剩余 {n} 个工作日',
  'alert.daysOver': '超期 {n} 个工作日',
  'alert.waiting': '{date} 上报，已等待 {n} 天',
  'alert.deptDue': '{dept} 应于 {date} 前反馈',
  'alert.deadline': '超期 / 临期',
  'alert.explanations': '上报待说明',
  'alert.joint': '联办超时',
  'alert.followUps': '差评待回访',

  'detail.events': '办理过程',
  'detail.joint': '联办部门',
  'detail.proposals': '扣分建议',
  'detail.rating': '好差评',
  'detail.print': '打印通知单',
  'detail.acceptanceNotice': '受理通知单',
  'detail.supplementNotice': '补办件通知单',
  'detail.returnNotice': '退回件通知单',
  'detail.answeredOn': '反馈日期',
  'detail.copiedOn': '抄告日期',
  'detail.dueOn': '反馈期限',
  'detail.opinion': '意见',
  'detail.applicant': '申请人',
  'detail.noRating': '尚未评价',

  'proposal.proposed': '待确认',
  'proposal.confirmed': '已确认',
  'proposal.rejected': '已驳回',
  'proposal.confirm': '确认扣分',
  'proposal.reject': '驳回',
  'proposal.rejectTitle': '驳回扣分建议',
  'proposal.rejectReason': '驳回理由（如：非本人原因超期）',
  'proposal.hint':
    '超期办件由系统提出 B5（每超期一个工作日扣3分）和 F3（罚款）建议；审管科确认前不计入考核。',
  'followUp.close': '回访办结',
  'followUp.closeTitle': '差评回访办结',
  'followUp.note': '回访及整改情况',
  'followUp.open': '待回访',
  'followUp.closed': '已办结',
  'followUp.late': '已超期',

  'level.1': '非常满意',
  'level.2': '满意',
  'level.3': '基本满意',
  'level.4': '不满意',
  'level.5': '非常不满意',
  'sat.byMonth': '满意率（月度）',
  'sat.byWindow': '满意率（按窗口、月份）',
  'sat.hint': '满意率 =（非常满意 + 满意 + 基本满意）÷ 评价总数',

  'status.code': '受理编号',
  'status.password': '查询密码',
  'status.submit': '查询',
  'status.hint': '请输入受理通知单上的受理编号和查询密码。',
  'status.result': '办理情况',
  'status.deadline': '承诺办结日期',
  'status.handler': '承办人',
  'status.rate': '服务评价',
  'status.rateSubmit': '提交评价',
  'status.rated': '感谢您的评价：{level}',
  'status.comment': '意见建议（选填）',
  'status.language': 'English',

  'app.required': '请填写{field}',
  'app.saved': '已保存',
  'app.cancel': '取消',
  'app.all': '全部',
  'app.none': '无',
} as const;

export type TCasesKey = keyof typeof ZH;

const EN: Record<TCasesKey, string> = {
  'registry.title': 'Case registry',
  'alerts.title': 'Case alerts',
  'satisfaction.title': 'Satisfaction (good/poor ratings)',
  'proposals.title': 'Overdue deduction proposals',
  'status.title': 'Case status',

  'f.window': 'Window',
  'f.stage': 'Status',
  'f.type': 'Case type',
  'f.period': 'Applied',
  'f.overdueOnly': 'Overdue only',
  'f.flaggedOnly': 'Flagged only',
  'f.code': 'Acceptance code',
  'f.year': 'Year',

  'col.code': 'Acceptance code',
  'col.matter': 'Matter',
  'col.type': 'Type',
  'col.window': 'Window',
  'col.staff': 'Accepted by',
  'col.received': 'Applied',
  'col.accepted': 'Accepted',
  'col.deadline': 'Deadline',
  'col.stage': 'Status',
  'col.overdue': 'Overdue (working days)',
  'col.flags': 'Flags',
  'col.alert': 'Alert',
  'col.detail': 'Detail',
  'col.item': 'Item',
  'col.qty': 'Qty',
  'col.reason': 'Basis',
  'col.status': 'Decision',
  'col.month': 'Month',
  'col.total': 'Ratings',
  'col.rate': 'Satisfaction',
  'col.level': 'Rating',
  'col.comment': 'Comment',
  'col.opened': 'Rated on',
  'col.due': 'Follow up by',
  'col.actions': 'Actions',

  'type.immediate': 'Immediate',
  'type.promised': 'Promised',
  'type.joint': 'Joint',
  'type.escalated': 'Escalated',

  'stage.accepted': 'In progress',
  'stage.awaitingMaterials': 'Awaiting materials',
  'stage.returned': 'Returned',
  'stage.forwarded': 'Forwarded upward',
  'stage.decided': 'Decided',
  'stage.notified': 'Applicant notified',
  'stage.pickedUp': 'Picked up',

  'flag.oneTime': 'Second supplement (one-time notification failed)',
  'flag.jointLate': 'Joint department late',
  'flag.overdue': 'Overdue',

  'alert.overdue': 'Overdue',
  'alert.deadlineNear': 'Due soon',
  'alert.explanationDue': 'No reply after 15 days: explanation due',
  'alert.jointLate': 'Joint department late',
  'alert.red': 'Red',
  'alert.yellow': 'Yellow',
  'alert.daysLeft': '{n} working days left',
  'alert.daysOver': '{n} working days overdue',
  'alert.waiting': 'forwarded {date}, waiting {n} days',
  'alert.deptDue': '{dept} due {date}',
  'alert.deadline': 'Overdue / due soon',
  'alert.explanations': 'Explanations due',
  'alert.joint': 'Joint departments late',
  'alert.followUps': 'Poor ratings to follow up',

  'detail.events': 'Steps',
  'detail.joint': 'Joint departments',
  'detail.proposals': 'Proposals',
  'detail.rating': 'Rating',
  'detail.print': 'Print notice',
  'detail.acceptanceNotice': 'Acceptance notice',
  'detail.supplementNotice': 'Supplement notice',
  'detail.returnNotice': 'Return notice',
  'detail.answeredOn': 'Answered',
  'detail.copiedOn': 'Copied',
  'detail.dueOn': 'Due',
  'detail.opinion': 'Opinion',
  'detail.applicant': 'Applicant',
  'detail.noRating': 'Not rated yet',

  'proposal.proposed': 'To confirm',
  'proposal.confirmed': 'Confirmed',
  'proposal.rejected': 'Rejected',
  'proposal.confirm': 'Confirm',
  'proposal.reject': 'Reject',
  'proposal.rejectTitle': 'Reject the proposal',
  'proposal.rejectReason': 'Reason (e.g. the delay was not the person’s fault)',
  'proposal.hint':
    'For a late case the system proposes B5 (−3 per overdue working day) and F3 (fine); nothing counts until a supervisor confirms.',
  'followUp.close': 'Close follow-up',
  'followUp.closeTitle': 'Close the follow-up of a poor rating',
  'followUp.note': 'Follow-up and rectification',
  'followUp.open': 'Open',
  'followUp.closed': 'Closed',
  'followUp.late': 'Late',

  'level.1': 'Very satisfied',
  'level.2': 'Satisfied',
  'level.3': 'Basically satisfied',
  'level.4': 'Dissatisfied',
  'level.5': 'Very dissatisfied',
  'sat.byMonth': 'Satisfaction by month',
  'sat.byWindow': 'Satisfaction by window and month',
  'sat.hint': 'Satisfaction = (very satisfied + satisfied + basically satisfied) ÷ ratings',

  'status.code': 'Acceptance code',
  'status.password': 'Query password',
  'status.submit': 'Check',
  'status.hint': 'Enter the acceptance code and the query password printed on your receipt.',
  'status.result': 'Status',
  'status.deadline': 'Promised by',
  'status.handler': 'Handled by',
  'status.rate': 'Rate the service',
  'status.rateSubmit': 'Submit',
  'status.rated': 'Thank you for your rating: {level}',
  'status.comment': 'Comment (optional)',
  'status.language': '中文',

  'app.required': 'Please fill in {field}',
  'app.saved': 'Saved',
  'app.cancel': 'Cancel',
  'app.all': 'All',
  'app.none': 'None',
};

export function casesText(locale: TLocale, key: TCasesKey, vars?: Record<string, string | number>): string {
  const text: string = locale === 'en' ? EN[key] : ZH[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `ct(key, vars)` in the user's language. */
export function useCasesText() {
  const { locale } = useI18n();
  const ct = useCallback(
    (key: TCasesKey, vars?: Record<string, string | number>) => casesText(locale, key, vars),
    [locale],
  );
  return { ct, locale };
}

export const STAGES = [
  'accepted',
  'awaitingMaterials',
  'returned',
  'forwarded',
  'decided',
  'notified',
  'pickedUp',
] as const;
export const CASE_TYPES = ['immediate', 'promised', 'joint', 'escalated'] as const;
export const STAGE_COLORS: Record<(typeof STAGES)[number], string> = {
  accepted: 'blue',
  awaitingMaterials: 'gold',
  returned: 'default',
  forwarded: 'purple',
  decided: 'green',
  notified: 'cyan',
  pickedUp: 'default',
};

/** Downloads a base64 .xlsx the API rendered. */
export function downloadBase64(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
