#include "ExpiryStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

QString ExpiryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/sandboxdesk/lifetimes.json");
}

ExpiryStore::ExpiryStore(const QString& path, QObject* parent)
    : QObject(parent)
    , m_file(new SharedFile(path, this))
{
    connect(m_file, &SharedFile::changed, this, [this] {
        if (reload())
            Q_EMIT changed();
    });
    reload();
}

bool ExpiryStore::lookup(const QString& id, QDateTime* expiresAt) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return false;
    *expiresAt = *it;
    return true;
}

bool ExpiryStore::set(const QString& id, const QDateTime& expiresAt, Error* error)
{
    return update(
        [&](QHash<QString, QDateTime>* entries) {
            // Whole seconds, as the file keeps them: what a reader gets is what was set.
            entries->insert(id, expiresAt.isValid() ? QDateTime::fromSecsSinceEpoch(
                                                          expiresAt.toSecsSinceEpoch(), Qt::UTC)
                                                    : QDateTime());
        },
        error);
}

void ExpiryStore::forget(const QString& id)
{
    if (!m_entries.contains(id))
        return;
    Error ignored; // a stale entry costs nothing; the next write tries again
    update([&](QHash<QString, QDateTime>* entries) { entries->remove(id); }, &ignored);
}

QHash<QString, QDateTime> ExpiryStore::parse(const QByteArray& bytes)
{
    QHash<QString, QDateTime> entries;
    const QJsonObject sandboxes =
        QJsonDocument::fromJson(bytes).object().value(QLatin1String("sandboxes")).toObject();
    for (auto it = sandboxes.constBegin(); it != sandboxes.constEnd(); ++it) {
        const QJsonValue value = it->toObject().value(QLatin1String("expiresAt"));
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
        if (value.isNull() || time.isValid())
            entries.insert(it.key(), time.toUTC());
    }
    return entries;
}

bool ExpiryStore::reload()
{
    const std::optional<QByteArray> bytes = m_file->read();
    if (!bytes)
        return false;
    QHash<QString, QDateTime> entries = parse(*bytes);
    if (entries == m_entries)
        return false;
    m_entries = std::move(entries);
    return true;
}

bool ExpiryStore::update(const std::function<void(QHash<QString, QDateTime>*)>& change,
                         Error* error)
{
    // Another client may write at the same moment: read, change and write under one lock.
    const std::unique_ptr<QLockFile> lock = m_file->lock(error);
    if (!lock)
        return false;
    reload();
    change(&m_entries);
    QJsonObject sandboxes;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        sandboxes.insert(it.key(),
                         QJsonObject{{QStringLiteral("expiresAt"),
                                      it->isValid() ? QJsonValue(it->toString(Qt::ISODate))
                                                    : QJsonValue(QJsonValue::Null)}});
    }
    return m_file->writeJson(
        {{QStringLiteral("version"), 1}, {QStringLiteral("sandboxes"), sandboxes}}, error);
}

void ExpiryStore::setWatching(bool watching)
{
    m_file->setWatching(watching);
}
