// Deep links into the CloudWatch console for the alarm and the stack's dashboard.

/** arn:aws:cloudwatch:eu-west-1:123456789012:alarm:name -> eu-west-1 (undefined when not an ARN). */
export function regionFromArn(arn) {
  const parts = typeof arn === 'string' ? arn.split(':') : [];
  return parts.length >= 6 && parts[0] === 'arn' && parts[3] ? parts[3] : undefined;
}

export function alarmConsoleUrl(region, alarmName) {
  return `${consoleHome(region)}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}

export function dashboardConsoleUrl(region, dashboardName) {
  return `${consoleHome(region)}#dashboards/dashboard/${encodeURIComponent(dashboardName)}`;
}

function consoleHome(region) {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}`;
}
