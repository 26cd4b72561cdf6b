#include "ActivityLog.h"

#include "ActivityLogFile.h"
#include "LogBuffer.h"
#include "sandbox/LogStream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

// Entries are short; a small buffer, its whole content in memory.
constexpr qint64 BufferLimit = 64 * 1024 * 1024;
constexpr int BufferChunk = 256 * 1024;
constexpr int MaxLine = 16 * 1024;

qint64 nowNanoseconds()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

} // namespace

ActivityLog::ActivityLog(int maxEntries, QObject* parent)
    : QObject(parent)
    , m_maxEntries(qMax(4, maxEntries))
    , m_buffer(std::make_shared<LogBuffer>(BufferLimit, BufferChunk, MaxLine))
{}

ActivityLog::~ActivityLog() = default;

void ActivityLog::record(const QString& action, const QString& sandbox, const QString& sandboxId,
                         const QString& connection, const Error& error)
{
    Entry entry;
    entry.action = action;
    entry.sandbox = sandbox;
    entry.sandboxId = sandboxId;
    entry.connection = connection;
    if (error.kind == Error::Cancelled) {
        entry.result = Result::Cancelled;
    } else if (error.isError()) {
        entry.result = Result::Failed;
        entry.detail = error.fullText();
    }
    record(std::move(entry));
}

void ActivityLog::setFile(ActivityLogFile* file)
{
    if (m_file)
        disconnect(m_file, nullptr, this, nullptr);
    m_file = file;
    if (!file)
        return;
    const QList<Entry> existing = file->readExisting(m_maxEntries);
    for (const Entry& entry : existing)
        add(entry);
    connect(file, &ActivityLogFile::appended, this, [this](const QList<Entry>& entries) {
        for (const Entry& entry : entries)
            add(entry);
    });
}

void ActivityLog::record(Entry entry)
{
    if (entry.time == 0)
        entry.time = nowNanoseconds();
    if (entry.by.isEmpty())
        entry.by = m_origin.isEmpty() ? QCoreApplication::applicationName() : m_origin;
    // A log that cannot be written still records here; the next entry tries the file again.
    if (m_file)
        m_file->append(entry);
    add(std::move(entry));
}

void ActivityLog::add(Entry entry)
{
    // A connection's name can be a URL with a password in it; errors quote what servers said;
    // a file may have been written by an older program.
    entry = scrubbed(std::move(entry));
    m_entries.push_back(entry);
    if (int(m_entries.size()) > m_maxEntries) {
        // Drop a quarter at once, so that the buffer is rebuilt rarely.
        const int drop = int(m_entries.size()) - m_maxEntries * 3 / 4;
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        // A new buffer: searches still reading the old one keep it until they are done.
        m_buffer = std::make_shared<LogBuffer>(BufferLimit, BufferChunk, MaxLine);
        for (const Entry& kept : m_entries)
            appendLine(kept);
        Q_EMIT trimmed();
    } else {
        appendLine(m_entries.back());
    }
    Q_EMIT recorded(m_entries.back());
}

void ActivityLog::appendLine(const Entry& entry)
{
    QByteArray line = describe(entry).toUtf8();
    line.replace('\n', ' ');
    line.append('\n');
    m_buffer->append(entry.result == Result::Done ? LogStream::Stream::Stdout
                                                  : LogStream::Stream::Stderr,
                     line, entry.time);
}

QString ActivityLog::resultName(Result result)
{
    switch (result) {
    case Result::Done:
        return tr("done");
    case Result::Failed:
        return tr("failed");
    case Result::Cancelled:
        return tr("cancelled");
    }
    return {};
}

ActivityLog::Entry ActivityLog::scrubbed(Entry entry)
{
    entry.action = scrub(entry.action);
    entry.sandbox = scrub(entry.sandbox);
    entry.connection = scrub(entry.connection);
    entry.detail = scrub(entry.detail);
    entry.by = scrub(entry.by);
    return entry;
}

QString ActivityLog::resultKey(Result result)
{
    switch (result) {
    case Result::Done:
        return QStringLiteral("done");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("done");
}

QString ActivityLog::describe(const Entry& entry)
{
    QStringList parts{entry.action};
    if (!entry.sandbox.isEmpty() || !entry.sandboxId.isEmpty()) {
        const QString id = entry.sandboxId.left(12);
        if (entry.sandbox.isEmpty())
            parts << id;
        else if (id.isEmpty() || entry.sandbox == id)
            parts << entry.sandbox;
        else
            parts << tr("%1 (%2)").arg(entry.sandbox, id);
    }
    if (!entry.connection.isEmpty())
        parts << tr("on %1").arg(entry.connection);
    // What another program did says which; this one's own entries need not.
    if (!entry.by.isEmpty() && entry.by != QCoreApplication::applicationName())
        parts << tr("by %1").arg(entry.by);
    QString text = parts.join(QStringLiteral(" · "));
    text += QStringLiteral(" — ") + resultName(entry.result);
    if (!entry.detail.isEmpty())
        text += QStringLiteral(": ") + entry.detail;
    return text;
}

QString ActivityLog::scrub(const QString& text)
{
    static const QString secretWord = QStringLiteral(
        "[\\w.-]*(?:secret|passw(?:or)?d|pwd|token|api[_-]?key|access[_-]?key|private[_-]?key|"
        "credential|signature|auth\\w*|session[_-]?id|cookie)[\\w.-]*");
    static const QRegularExpression keyValue(
        // A value that is a secret's key itself ("Code: x-token: value") is not the value.
        QStringLiteral("(%1)(\"?'?\\s*[=:]\\s*)(?!%1\"?\\s*[=:])"
                       "(\"[^\"]*\"|'[^']*'|[^\\s,;&\"'}]+)")
            .arg(secretWord),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(
        QStringLiteral("\\b(bearer|basic|acs3-hmac-sha256|acs)\\s+[^\\s,;\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression urlPassword(QStringLiteral("(://[^/\\s:@]+:)[^@\\s/]+@"));
    QString out = text;
    out.replace(bearer, QStringLiteral("\\1 ***"));
    out.replace(keyValue, QStringLiteral("\\1\\2***"));
    out.replace(urlPassword, QStringLiteral("\\1***@"));
    return out;
}

QByteArray ActivityLog::format(const Entry& entry, Format format) const
{
    if (format == Format::PlainText) {
        QByteArray line = LogStream::formatTimestamp(entry.time) + ' ' + describe(entry).toUtf8();
        line.replace('\n', ' ');
        return line + '\n';
    }
    QJsonObject object{
        {QStringLiteral("time"), QString::fromLatin1(LogStream::formatTimestamp(entry.time))},
        {QStringLiteral("action"), entry.action},
        {QStringLiteral("sandbox"), entry.sandbox},
        {QStringLiteral("id"), entry.sandboxId},
        {QStringLiteral("connection"), entry.connection},
        {QStringLiteral("result"), resultKey(entry.result)},
        {QStringLiteral("detail"), entry.detail},
        {QStringLiteral("by"), entry.by},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

Error ActivityLog::exportTo(const QString& fileName, Format format,
                            const QList<qint64>* lines) const
{
    QSaveFile file(fileName);
    const auto failed = [&] {
        return Error::make(Error::Invalid, tr("Cannot write “%1”.").arg(fileName), {},
                           file.errorString());
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    QByteArray out;
    const auto add = [&](qsizetype index) {
        if (index >= 0 && index < size())
            out += this->format(at(index), format);
    };
    if (lines) {
        for (const qint64 index : *lines)
            add(qsizetype(index));
    } else {
        for (qsizetype i = 0; i < size(); ++i)
            add(i);
    }
    if (file.write(out) != out.size() || !file.commit())
        return failed();
    return {};
}
