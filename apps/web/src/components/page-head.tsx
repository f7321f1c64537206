import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page title with its filters or actions on the right. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <Typography.Title level={3}>{title}</Typography.Title>
      {children}
    </div>
  );
}
