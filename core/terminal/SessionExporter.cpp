#include "terminal/SessionExporter.h"

#include "terminal/TerminalEmulator.h"

#include "sandbox/WorkerThread.h"
#include "terminal/SessionRecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QSaveFile>

#include <utility>
#include <vector>

namespace {

constexpr qint64 ProgressStep = 1024 * 1024;
constexpr quint32 DefaultForeground = 0xd4d4d4;
constexpr quint32 DefaultBackground = 0x1e1e1e;

// Appends `in` to `out` as the inside of a JSON string. Bytes of a character cut off at the end
// wait in `carry` for the next call (unless final); invalid bytes become U+FFFD.
void appendJsonText(QByteArray& out, QByteArray& carry, const QByteArray& in, bool final)
{
    const QByteArray data = carry.isEmpty() ? in : carry + in;
    carry.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype n = data.size();
    static const char hex[] = "0123456789abcdef";
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += char(c);
                }
            }
            ++i;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            min = 0x10000;
        }
        if (length == 0) {
            out += "\xef\xbf\xbd";
            ++i;
            continue;
        }
        char32_t cp = c & (0xff >> (length + 1));
        qsizetype k = 1;
        for (; k < length && i + k < n; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                break;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (k < length && i + k == n && !final) {
            carry = data.mid(i);
            return;
        }
        if (k < length || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            out += "\xef\xbf\xbd";
            i += qMax<qsizetype>(1, k < length ? k : 1);
            continue;
        }
        out.append(data.constData() + i, length);
        i += length;
    }
}

QByteArray htmlColor(quint32 rgb)
{
    return '#' + QByteArray::number(rgb | 0x1000000, 16).mid(1);
}

QByteArray escapeHtml(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;")).toUtf8();
}

QByteArray styleOf(const TerminalCell& cell)
{
    quint32 fg = cell.foreground.toRgb(DefaultForeground);
    quint32 bg = cell.background.toRgb(DefaultBackground);
    const bool explicitBg = !cell.background.isDefault() || cell.has(TerminalCell::Reverse);
    if (cell.has(TerminalCell::Reverse))
        std::swap(fg, bg);
    if (cell.has(TerminalCell::Conceal))
        fg = bg;
    QByteArray style;
    if (!cell.foreground.isDefault() || cell.has(TerminalCell::Reverse) ||
        cell.has(TerminalCell::Conceal))
        style += "color:" + htmlColor(fg) + ';';
    if (explicitBg)
        style += "background-color:" + htmlColor(bg) + ';';
    if (cell.has(TerminalCell::Bold))
        style += "font-weight:bold;";
    if (cell.has(TerminalCell::Italic))
        style += "font-style:italic;";
    QByteArray decoration;
    if (cell.has(TerminalCell::Underline) || cell.has(TerminalCell::DoubleUnderline))
        decoration += " underline";
    if (cell.has(TerminalCell::Strike))
        decoration += " line-through";
    if (!decoration.isEmpty())
        style += "text-decoration:" + decoration.mid(1) + ';';
    if (cell.has(TerminalCell::DoubleUnderline))
        style += "text-decoration-style:double;";
    return style;
}

constexpr quint16 StyleAttributes = TerminalCell::Bold | TerminalCell::Italic |
                                    TerminalCell::Underline | TerminalCell::DoubleUnderline |
                                    TerminalCell::Reverse | TerminalCell::Strike |
                                    TerminalCell::Conceal;

bool sameStyle(const TerminalCell& a, const TerminalCell& b)
{
    return a.foreground == b.foreground && a.background == b.background &&
           (a.attributes & StyleAttributes) == (b.attributes & StyleAttributes);
}

// Length of a line without trailing blank cells (wrapped lines keep theirs).
int usedLength(const TerminalLine& line, bool wrapped)
{
    int length = line.size();
    if (wrapped)
        return length;
    while (length > 0 && line.cell(length - 1).isBlank())
        --length;
    return length;
}

QByteArray lineText(const TerminalLine& line, bool wrapped)
{
    QString text;
    const int length = usedLength(line, wrapped);
    for (int column = 0; column < length; ++column)
        text += line.text(column);
    if (!wrapped) {
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
    }
    return text.toUtf8();
}

QByteArray lineHtml(const TerminalLine& line, bool wrapped)
{
    QByteArray html;
    const int length = usedLength(line, wrapped);
    int column = 0;
    while (column < length) {
        const TerminalCell first = line.cell(column);
        QString text;
        int end = column;
        while (end < length && sameStyle(line.cell(end), first))
            text += line.text(end++);
        const QByteArray style = styleOf(first);
        if (style.isEmpty())
            html += escapeHtml(text);
        else
            html += "<span style=\"" + style + "\">" + escapeHtml(text) + "</span>";
        column = end;
    }
    return html;
}

class Writer
{
public:
    virtual ~Writer() = default;
    virtual void begin(const SessionReader& reader, QByteArray& out) = 0;
    virtual void event(const SessionEvent& event, QByteArray& out) = 0;
    virtual void end(QByteArray& out) = 0;
};

class AsciicastWriter final : public Writer
{
public:
    void begin(const SessionReader& reader, QByteArray& out) override
    {
        out += "{\"version\":2,\"width\":" + QByteArray::number(reader.initialColumns()) +
               ",\"height\":" + QByteArray::number(reader.initialRows()) +
               ",\"timestamp\":" + QByteArray::number(reader.startedAt().toSecsSinceEpoch()) +
               "}\n";
    }
    void event(const SessionEvent& event, QByteArray& out) override
    {
        const QByteArray time = QByteArray::number(double(event.ms) / 1000.0, 'f', 3);
        switch (event.kind) {
        case SessionEvent::Kind::Output:
        case SessionEvent::Kind::Input: {
            const bool output = event.kind == SessionEvent::Kind::Output;
            QByteArray& carry = output ? m_outputCarry : m_inputCarry;
            QByteArray text;
            appendJsonText(text, carry, event.data, false);
            if (text.isEmpty())
                return; // only part of a character so far
            out += '[' + time + (output ? ",\"o\",\"" : ",\"i\",\"") + text + "\"]\n";
            m_lastTime = time;
            break;
        }
        case SessionEvent::Kind::Resize:
            out += '[' + time + ",\"r\",\"" + QByteArray::number(event.columns) + 'x' +
                   QByteArray::number(event.rows) + "\"]\n";
            m_lastTime = time;
            break;
        }
    }
    void end(QByteArray& out) override
    {
        for (QByteArray* carry : {&m_outputCarry, &m_inputCarry}) {
            if (carry->isEmpty())
                continue;
            QByteArray text;
            appendJsonText(text, *carry, {}, true);
            out += '[' + m_lastTime + (carry == &m_outputCarry ? ",\"o\",\"" : ",\"i\",\"") + text +
                   "\"]\n";
        }
    }

private:
    QByteArray m_outputCarry;
    QByteArray m_inputCarry;
    QByteArray m_lastTime = "0.000";
};

// Replays the output through an emulator, so the text is what the screen showed: progress bars
// redrawn with CR, cursor movement and erased characters come out as the user saw them, which
// an escape-stripping pass cannot do. Lines are written as they scroll off, so memory stays flat.
class ScreenWriter final : public Writer
{
public:
    explicit ScreenWriter(bool html)
        : m_html(html)
    {}
    void begin(const SessionReader& reader, QByteArray& out) override
    {
        m_emulator =
            std::make_unique<TerminalEmulator>(reader.initialColumns(), reader.initialRows());
        m_emulator->setScrollbackLimit(0);
        m_emulator->setKeepClearedScreenInHistory(true);
        m_emulator->setHistorySink([this](const TerminalLine& line) { writeLine(line); });
        if (m_html) {
            out +=
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                escapeHtml(QCoreApplication::translate("SessionExporter", "Terminal session")) +
                "</title></head>\n<body style=\"background-color:" + htmlColor(DefaultBackground) +
                ";color:" + htmlColor(DefaultForeground) +
                "\"><pre style=\"font-family:monospace\">";
        }
        m_out = &out;
    }
    void event(const SessionEvent& event, QByteArray& out) override
    {
        m_out = &out;
        if (event.kind == SessionEvent::Kind::Output)
            m_emulator->feed(event.data);
        else if (event.kind == SessionEvent::Kind::Resize)
            m_emulator->resize(event.columns, event.rows);
    }
    void end(QByteArray& out) override
    {
        m_out = &out;
        int last = m_emulator->rows() - 1;
        while (last >= 0 && usedLength(m_emulator->screenRow(last), false) == 0)
            --last;
        for (int row = 0; row <= last; ++row)
            writeLine(m_emulator->screenRow(row), row == last);
        if (m_pendingWrap)
            *m_out += '\n';
        if (m_html)
            out += "</pre></body></html>\n";
    }

private:
    // The last line of the session has nothing to continue on.
    void writeLine(const TerminalLine& line, bool last = false)
    {
        const bool wrapped = line.isWrapped() && !last;
        *m_out += m_html ? lineHtml(line, wrapped) : lineText(line, wrapped);
        m_pendingWrap = wrapped;
        if (!m_pendingWrap)
            *m_out += '\n';
    }

    bool m_html;
    bool m_pendingWrap = false;
    std::unique_ptr<TerminalEmulator> m_emulator;
    QByteArray* m_out = nullptr;
};

} // namespace

struct SessionExporter::Job
{
    std::atomic<bool> cancelled{false};
};

SessionExporter::SessionExporter(QObject* parent)
    : QObject(parent)
{}

SessionExporter::~SessionExporter()
{
    // The worker owns what it reads and deletes its thread when it returns: nothing to wait for.
    cancel();
    WorkerThread::stop(m_thread);
}

bool SessionExporter::start(SessionReader reader, Format format, const QString& filePath)
{
    if (m_running)
        return false;
    auto job = std::make_shared<Job>();
    m_job = job;
    m_running = true;
    auto shared = std::make_shared<SessionReader>(std::move(reader));
    const QPointer<SessionExporter> self(this);
    m_thread = WorkerThread::start([self, job, shared, format, filePath] {
        QString error;
        const Outcome outcome = run(
            *shared, format, filePath, job->cancelled,
            [self, job](qint64 done, qint64 total) {
                WorkerThread::post([self, job, done, total] {
                    if (self && self->m_job == job)
                        Q_EMIT self->progressChanged(done, total);
                });
            },
            &error);
        // The file is committed, or gone, before anyone hears of it.
        WorkerThread::post([self, job, outcome, error] {
            if (!self || self->m_job != job)
                return;
            self->m_running = false;
            self->m_thread = nullptr;
            Q_EMIT self->finished(outcome, error);
        });
    });
    return true;
}

void SessionExporter::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

bool SessionExporter::isRunning() const
{
    return m_running;
}

SessionExporter::Outcome SessionExporter::run(SessionReader& reader, Format format,
                                              const QString& filePath,
                                              const std::atomic<bool>& cancelled,
                                              const std::function<void(qint64, qint64)>& progress,
                                              QString* errorString)
{
    QSaveFile file(filePath);
    // A session holds what was typed and shown: for the user's eyes only.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (errorString)
            *errorString = QCoreApplication::translate("SessionExporter", "Cannot write %1: %2")
                               .arg(filePath, file.errorString());
        return Outcome::Failed;
    }
    std::unique_ptr<Writer> writer;
    if (format == Format::Asciicast)
        writer = std::make_unique<AsciicastWriter>();
    else
        writer = std::make_unique<ScreenWriter>(format == Format::Html);

    QByteArray out;
    auto flush = [&]() {
        if (out.isEmpty())
            return true;
        const bool ok = file.write(out) == out.size();
        out.clear();
        return ok;
    };
    writer->begin(reader, out);
    SessionEvent event;
    qint64 reported = 0;
    bool ok = true;
    while (ok && reader.next(&event)) {
        if (cancelled.load(std::memory_order_relaxed)) {
            file.cancelWriting();
            return Outcome::Cancelled;
        }
        writer->event(event, out);
        if (out.size() >= 256 * 1024)
            ok = flush();
        if (progress && reader.position() - reported >= ProgressStep) {
            reported = reader.position();
            progress(reported, reader.size());
        }
    }
    if (ok) {
        writer->end(out);
        ok = flush();
    }
    if (cancelled.load()) {
        file.cancelWriting();
        return Outcome::Cancelled;
    }
    if (!ok || reader.hasError()) {
        if (errorString)
            *errorString =
                reader.hasError()
                    ? QCoreApplication::translate("SessionExporter",
                                                  "The recording could not be read.")
                    : QCoreApplication::translate("SessionExporter", "Cannot write %1: %2")
                          .arg(filePath, file.errorString());
        file.cancelWriting();
        return Outcome::Failed;
    }
    if (!file.commit()) {
        if (errorString)
            *errorString = QCoreApplication::translate("SessionExporter", "Cannot write %1: %2")
                               .arg(filePath, file.errorString());
        return Outcome::Failed;
    }
    if (progress)
        progress(reader.size(), reader.size());
    return Outcome::Succeeded;
}

SessionLogWriter::SessionLogWriter(QObject* parent)
    : QObject(parent)
{}

SessionLogWriter::~SessionLogWriter() = default;

QList<SessionExporter::Format> SessionLogWriter::formatsFromNames(const QStringList& names)
{
    QList<SessionExporter::Format> formats;
    if (names.contains(QLatin1String("text")))
        formats << SessionExporter::Format::PlainText;
    if (names.contains(QLatin1String("html")))
        formats << SessionExporter::Format::Html;
    if (names.contains(QLatin1String("asciicast")))
        formats << SessionExporter::Format::Asciicast;
    return formats;
}

QString SessionLogWriter::suffix(SessionExporter::Format format)
{
    switch (format) {
    case SessionExporter::Format::PlainText:
        return QStringLiteral(".txt");
    case SessionExporter::Format::Html:
        return QStringLiteral(".html");
    case SessionExporter::Format::Asciicast:
        break;
    }
    return QStringLiteral(".cast");
}

QString SessionLogWriter::baseName(const QString& sessionName, const QDateTime& startedAt)
{
    QString name = sessionName.isEmpty() ? QStringLiteral("session") : sessionName;
    for (QChar& c : name) {
        if (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c))
            c = u'_';
    }
    if (name.startsWith(QLatin1Char('.')))
        name[0] = u'_';
    return name + QLatin1Char('-') + startedAt.toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

SessionLogWriter* SessionLogWriter::save(const SessionRecorder& recorder, const QString& folder,
                                         const QString& sessionName,
                                         const QList<SessionExporter::Format>& formats,
                                         bool withInput)
{
    if (formats.isEmpty())
        return nullptr;
    auto* writer = new SessionLogWriter(QCoreApplication::instance());
    const QString base = QDir(folder).filePath(baseName(sessionName, recorder.startedAt()));
    // Snapshots taken here: the recorder may be gone before the thread reads them.
    auto readers = std::make_shared<std::vector<SessionReader>>();
    for (SessionExporter::Format format : formats) {
        writer->m_paths << base + suffix(format);
        readers->push_back(recorder.reader());
        readers->back().setSkipInput(!withInput);
    }
    const QStringList paths = writer->m_paths;
    const QPointer<SessionLogWriter> self(writer);
    // Not cancellable: a log that was asked for is written whole, even while the app exits.
    WorkerThread::start([self, readers, paths, formats, folder] {
        QStringList saved;
        QString errorString;
        if (!QDir().mkpath(folder)) {
            errorString =
                QCoreApplication::translate("SessionExporter", "Cannot create the folder %1.")
                    .arg(QDir::toNativeSeparators(folder));
        } else {
            const std::atomic<bool> never{false};
            for (qsizetype i = 0; i < formats.size(); ++i) {
                QString error;
                if (SessionExporter::run((*readers)[size_t(i)], formats.at(i), paths.at(i), never,
                                         {}, &error) == SessionExporter::Outcome::Succeeded)
                    saved << paths.at(i);
                else if (errorString.isEmpty())
                    errorString = error;
            }
        }
        WorkerThread::post([self, saved, errorString] {
            if (!self)
                return;
            Q_EMIT self->finished(saved, errorString);
            self->deleteLater();
        });
    });
    return writer;
}
