#include "RunHistory.h"

#include <QUrl>

namespace {

// One key per sandbox: its ids percent-encoded, so that no '/' makes a settings group.
QString keyFor(const QString& backendId, const QString& sandboxId)
{
    return QStringLiteral("runHistory/") +
           QString::fromLatin1(QUrl::toPercentEncoding(backendId + QLatin1Char('\n') + sandboxId));
}

} // namespace

RunHistory::RunHistory(const QString& path)
    : m_settings(path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

RunHistory::~RunHistory() = default;

QStringList RunHistory::commands(const QString& backendId, const QString& sandboxId) const
{
    return m_settings->value(keyFor(backendId, sandboxId)).toStringList();
}

void RunHistory::add(const QString& backendId, const QString& sandboxId, const QString& command)
{
    if (command.trimmed().isEmpty())
        return;
    QStringList list = commands(backendId, sandboxId);
    list.removeAll(command);
    list.prepend(command);
    while (list.size() > maxEntries)
        list.removeLast();
    m_settings->setValue(keyFor(backendId, sandboxId), list);
}

void RunHistory::clear(const QString& backendId, const QString& sandboxId)
{
    m_settings->remove(keyFor(backendId, sandboxId));
}
