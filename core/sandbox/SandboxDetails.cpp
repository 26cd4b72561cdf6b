#include "SandboxDetails.h"

#include <QCoreApplication>

QString durationText(qint64 seconds)
{
    const int second = int(qMax(seconds, qint64(1)));
    const int minutes = int(seconds / 60);
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    if (seconds < 60)
        return QCoreApplication::translate("SandboxDetails", "%n second(s)", nullptr, second);
    if (seconds < 3600)
        return QCoreApplication::translate("SandboxDetails", "%n minute(s)", nullptr, minutes);
    if (seconds < 86400)
        return QCoreApplication::translate("SandboxDetails", "%n hour(s)", nullptr, hours);
    return QCoreApplication::translate("SandboxDetails", "%n day(s)", nullptr, days);
}

QString statusSummary(SandboxStatus status, const QDateTime& started, const QDateTime& finished,
                      int exitCode, const QDateTime& now)
{
    switch (status) {
    case SandboxStatus::Running:
        if (started.isValid()) {
            return QCoreApplication::translate("SandboxDetails", "Running for %1")
                .arg(durationText(started.secsTo(now)));
        }
        break;
    case SandboxStatus::Exited:
        if (exitCode < 0)
            break;
        if (!finished.isValid())
            return QCoreApplication::translate("SandboxDetails", "Exited (code %1)").arg(exitCode);
        if (finished.secsTo(now) < 1) {
            return QCoreApplication::translate("SandboxDetails", "Exited (code %1) just now")
                .arg(exitCode);
        }
        return QCoreApplication::translate("SandboxDetails", "Exited (code %1) %2 ago")
            .arg(exitCode)
            .arg(durationText(finished.secsTo(now)));
    default:
        break;
    }
    return statusDisplayName(status);
}
