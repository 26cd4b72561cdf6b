#include "LogExporter.h"

#include "WorkerThread.h"

#include "LogBuffer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QThread>

namespace {

constexpr qsizetype FlushAt = 1024 * 1024;
constexpr int ProgressMs = 100;

void appendJsonString(QByteArray* out, QByteArrayView text)
{
    static const char hex[] = "0123456789abcdef";
    bool plain = true;
    for (char c : text) {
        if (uchar(c) < 0x20 || uchar(c) >= 0x80 || c == '"' || c == '\\') {
            plain = false;
            break;
        }
    }
    out->append('"');
    if (plain) {
        out->append(text.data(), text.size());
        out->append('"');
        return;
    }
    // Through QString so that invalid UTF-8 becomes U+FFFD and the output stays valid JSON.
    const QByteArray utf8 = QString::fromUtf8(text).toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        case '\t':
            out->append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                out->append("\\u00");
                out->append(hex[uchar(c) >> 4]);
                out->append(hex[uchar(c) & 15]);
            } else {
                out->append(c);
            }
        }
    }
    out->append('"');
}

} // namespace

LogExporter::LogExporter(const LogBuffer* buffer, QObject* parent)
    : QObject(parent)
    , m_buffer(buffer)
{}

LogExporter::~LogExporter()
{
    stopWorker();
}

QByteArray LogExporter::jsonLine(QByteArrayView text, int stream, qint64 timestamp, bool continued)
{
    QByteArray out;
    out.reserve(text.size() + 80);
    out += "{\"time\":";
    if (timestamp != 0)
        out += '"' + LogStream::formatTimestamp(timestamp) + '"';
    else
        out += "null";
    out += stream == int(LogStream::Stream::Stderr) ? ",\"stream\":\"stderr\",\"text\":"
                                                    : ",\"stream\":\"stdout\",\"text\":";
    appendJsonString(&out, text);
    if (continued)
        out += ",\"continued\":true";
    out += "}\n";
    return out;
}

void LogExporter::exportAll(const QString& fileName, Format format)
{
    run(fileName, format, m_buffer->count(), {});
}

void LogExporter::exportLines(const QString& fileName, Format format, const QList<qint64>& lines)
{
    run(fileName, format, -1, lines);
}

void LogExporter::cancel()
{
    if (!m_thread)
        return;
    stopWorker();
    Q_EMIT finished(Error::make(Error::Cancelled, tr("The export was cancelled.")));
}

void LogExporter::stopWorker()
{
    ++m_generation;
    stopWorkerThread(m_thread, m_cancel);
}

void LogExporter::run(const QString& fileName, Format format, qint64 count,
                      const QList<qint64>& lines)
{
    stopWorker();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelled = m_cancel;
    const quint64 generation = m_generation;
    const LogBuffer* buffer = m_buffer;

    const auto report = [this, generation](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (generation == m_generation)
                    Q_EMIT progressed(done, total);
            },
            Qt::QueuedConnection);
    };
    const auto end = [this, generation](const Error& error) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, error] {
                if (generation != m_generation)
                    return;
                m_thread->wait();
                delete m_thread;
                m_thread = nullptr;
                Q_EMIT finished(error);
            },
            Qt::QueuedConnection);
    };

    m_thread = QThread::create([=] {
        const qint64 total = count >= 0 ? count : lines.size();
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly)) {
            end(Error::make(
                Error::Invalid,
                QCoreApplication::translate("LogExporter", "Cannot write “%1”.").arg(fileName), {},
                file.errorString()));
            return;
        }
        QByteArray out;
        out.reserve(FlushAt + 64 * 1024);
        bool ok = true;
        const auto flush = [&] {
            ok = ok && file.write(out) == out.size();
            out.clear();
        };
        QElapsedTimer sinceReport;
        sinceReport.start();
        LogBuffer::Slice slice;
        for (qint64 n = 0; n < total && ok; ++n) {
            if (cancelled->load(std::memory_order_relaxed))
                return; // QSaveFile removes what it wrote
            const qint64 index = count >= 0 ? n : lines.at(n);
            if (index < slice.firstLine || index >= slice.firstLine + slice.size())
                slice = buffer->slice(index);
            if (slice.size() == 0)
                continue;
            const auto i = qsizetype(index - slice.firstLine);
            const QByteArrayView text = slice.line(i);
            const bool continued = slice.isContinued(i);
            if (format == Format::PlainText) {
                out.append(text.data(), text.size());
                const qint64 next = count >= 0 ? n + 1 : lines.value(n + 1, -1);
                if (!continued || next != index + 1)
                    out.append('\n');
            } else {
                out += jsonLine(text, int(slice.stream(i)), slice.times.at(i), continued);
            }
            if (out.size() >= FlushAt)
                flush();
            if (sinceReport.elapsed() >= ProgressMs) {
                report(n + 1, total);
                sinceReport.restart();
            }
        }
        flush();
        if (cancelled->load())
            return;
        if (!ok || !file.commit()) {
            end(Error::make(
                Error::Invalid,
                QCoreApplication::translate("LogExporter", "Cannot write “%1”.").arg(fileName), {},
                file.errorString()));
            return;
        }
        report(total, total);
        end({});
    });
    m_thread->start();
}
