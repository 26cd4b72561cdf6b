#include "LogExporter.h"

#include "sandbox/WorkerThread.h"

#include "LogBuffer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QThread>

#include <utility>

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

LogExporter::LogExporter(std::shared_ptr<const LogBuffer> buffer, QObject* parent)
    : QObject(parent)
    , m_buffer(std::move(buffer))
{}

LogExporter::~LogExporter()
{
    WorkerThread::stop(m_thread);
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
    if (m_thread)
        m_thread->requestInterruption();
}

void LogExporter::done(quint64 generation, const Error& error)
{
    if (generation != m_generation)
        return;
    m_running = false;
    m_thread = nullptr;
    Q_EMIT finished(error);
}

void LogExporter::run(const QString& fileName, Format format, qint64 count,
                      const QList<qint64>& lines)
{
    WorkerThread::stop(m_thread);
    const quint64 generation = ++m_generation;
    const QPointer<LogExporter> self(this);

    const auto report = [self, generation](qint64 done, qint64 total) {
        WorkerThread::post([self, generation, done, total] {
            if (self && generation == self->m_generation)
                Q_EMIT self->progressed(done, total);
        });
    };
    const auto write = [buffer = m_buffer, fileName, format, count, lines, report]() -> Error {
        const qint64 total = count >= 0 ? count : lines.size();
        const auto cannotWrite = [&fileName](const QString& why) {
            return Error::make(
                Error::Invalid,
                QCoreApplication::translate("LogExporter", "Cannot write “%1”.").arg(fileName), {},
                why);
        };
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly))
            return cannotWrite(file.errorString());
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
            // Leaving without commit(): QSaveFile removes what it wrote.
            if (n % 1024 == 0 && WorkerThread::isStopRequested())
                return Error::make(
                    Error::Cancelled,
                    QCoreApplication::translate("LogExporter", "The export was cancelled."));
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
        if (WorkerThread::isStopRequested())
            return Error::make(Error::Cancelled, QCoreApplication::translate(
                                                     "LogExporter", "The export was cancelled."));
        if (!ok || !file.commit())
            return cannotWrite(file.errorString());
        report(total, total);
        return {};
    };

    m_running = true;
    m_thread = WorkerThread::start([write, self, generation] {
        const Error error = write(); // the file is closed, and gone unless committed, by now
        WorkerThread::post([self, generation, error] {
            if (self)
                self->done(generation, error);
        });
    });
}
