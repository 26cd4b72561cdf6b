#include "LogSearch.h"

#include "sandbox/WorkerThread.h"

#include "LogBuffer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStringView>
#include <QThread>

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace {

constexpr int BatchLines = 4096;
constexpr int BatchMs = 50;
constexpr quint64 HighBits = 0x8080808080808080ULL;

quint64 load64(const char* p)
{
    quint64 word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

// Lower-cases the ASCII letters of [in, in + size) into out, eight bytes at a time; returns
// whether any byte was not ASCII (those are copied unchanged).
bool foldAscii(const char* in, char* out, qsizetype size)
{
    quint64 high = 0;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word = load64(in + i);
        high |= word;
        const quint64 low7 = word & ~HighBits;
        // The top bit of each byte: set from 'A' (0x41 + 0x3f = 0x80), clear again past 'Z'.
        const quint64 fromA = low7 + 0x3f3f3f3f3f3f3f3fULL;
        const quint64 pastZ = low7 + 0x2525252525252525ULL;
        const quint64 upper = fromA & ~pastZ & ~word & HighBits;
        word |= upper >> 2; // 0x80 >> 2 is the 0x20 that makes a letter lower case
        std::memcpy(out + i, &word, sizeof word);
    }
    for (; i < size; ++i) {
        high |= quint64(uchar(in[i]));
        out[i] = asciiLower(in[i]);
    }
    return high & HighBits;
}

bool isAscii(QByteArrayView bytes)
{
    const char* data = bytes.data();
    const qsizetype size = bytes.size();
    quint64 high = 0;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8)
        high |= load64(data + i);
    for (; i < size; ++i)
        high |= quint64(uchar(data[i]));
    return !(high & HighBits);
}

// The line of the slice, within [lo, hi], that holds byte offset; an empty line shares its
// offset with the next one, so the one the byte is in is taken.
qsizetype lineOf(const LogBuffer::Slice& slice, qsizetype lo, qsizetype hi, qsizetype offset)
{
    while (lo < hi) {
        const qsizetype mid = (lo + hi + 1) / 2;
        if (slice.start(mid) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo < hi && slice.end(lo) <= offset)
        ++lo;
    return lo;
}

// Lines of the slice in [from, to) that contain needle; the search runs over the whole
// chunk at once, and a hit that runs past its line's end is no hit.
template<typename Found>
void findPlain(const LogBuffer::Slice& slice, qsizetype from, qsizetype to, const char* data,
               const QByteArray& needle, const Found& found)
{
    if (needle.isEmpty()) {
        for (qsizetype line = from; line < to; ++line)
            found(line);
        return;
    }
    qsizetype line = from;
    qsizetype at = slice.start(from);
    const qsizetype stop = slice.end(to - 1);
    while (line < to && at < stop) {
        const void* hit =
            memmem(data + at, size_t(stop - at), needle.constData(), size_t(needle.size()));
        if (!hit)
            return;
        const qsizetype offset = static_cast<const char*>(hit) - data;
        line = lineOf(slice, line, to - 1, offset);
        if (offset + needle.size() <= slice.end(line))
            found(line);
        at = slice.end(line);
        ++line;
    }
}

// Lines of the slice in [from, to) holding a byte that is not ASCII, found from the folding's
// hint; ascending.
void nonAsciiLines(const LogBuffer::Slice& slice, qsizetype from, qsizetype to,
                   std::vector<qsizetype>* lines)
{
    const char* data = slice.bytes.constData();
    qsizetype line = from;
    qsizetype at = slice.start(from);
    const qsizetype stop = slice.end(to - 1);
    while (at < stop) {
        if (at + 8 <= stop) {
            const quint64 high = load64(data + at) & HighBits;
            if (!high) {
                at += 8;
                continue;
            }
            at += __builtin_ctzll(high) / 8;
        } else if (!(uchar(data[at]) & 0x80)) {
            ++at;
            continue;
        }
        line = lineOf(slice, line, to - 1, at);
        lines->push_back(line);
        at = slice.end(line);
        ++line;
    }
}

// A plain case-insensitive query prepared once: Unicode simple case folding compares code point
// by code point, so ASCII text can only match a text that folds to ASCII, and then the bytes
// folded the ASCII way decide.
struct FoldedNeedle
{
    explicit FoldedNeedle(const QString& text)
    {
        for (const char32_t c : QStringView(text).toUcs4()) {
            const char32_t folded = QChar::toCaseFolded(c);
            if (folded >= 0x80) {
                foldsToAscii = false;
                ascii.clear();
                return;
            }
            ascii.append(char(folded));
        }
    }
    bool foldsToAscii = true;
    QByteArray ascii;
};

bool containsFolded(QByteArrayView line, const QString& text, const FoldedNeedle& needle)
{
    if (!isAscii(line))
        return QString::fromUtf8(line).contains(text, Qt::CaseInsensitive);
    if (!needle.foldsToAscii)
        return false;
    if (needle.ascii.isEmpty())
        return true;
    QByteArray folded(line.size(), Qt::Uninitialized);
    foldAscii(line.data(), folded.data(), line.size());
    return folded.contains(needle.ascii);
}

} // namespace

LogSearch::LogSearch(std::shared_ptr<const LogBuffer> buffer, QObject* parent)
    : QObject(parent)
    , m_buffer(std::move(buffer))
{}

LogSearch::~LogSearch()
{
    stopWorker();
}

bool LogSearch::containsPlain(QByteArrayView line, const Query& query)
{
    if (query.caseSensitivity == Qt::CaseSensitive)
        return line.contains(QByteArrayView(query.text.toUtf8()));
    return containsFolded(line, query.text, FoldedNeedle(query.text));
}

void LogSearch::cancel()
{
    if (!m_running)
        return;
    stopWorker();
    Q_EMIT finished(false);
}

void LogSearch::stopWorker()
{
    ++m_generation;
    m_running = false;
    WorkerThread::stop(m_thread);
}

void LogSearch::deliver(quint64 generation, const QList<qint64>& batch, qint64 searched,
                        qint64 total, bool done)
{
    if (generation != m_generation)
        return;
    if (!batch.isEmpty()) {
        m_matches += batch;
        Q_EMIT matchesFound(batch);
    }
    Q_EMIT progressed(searched, total);
    if (done) {
        m_running = false;
        m_thread = nullptr;
        Q_EMIT finished(true);
    }
}

void LogSearch::start(const Query& query, qint64 first, qint64 last)
{
    cancel();
    m_matches.clear();
    const quint64 generation = m_generation;
    const qint64 end = last < 0 ? m_buffer->count() : qMin(last, m_buffer->count());
    const qint64 begin = qBound<qint64>(0, first, end);

    QRegularExpression expression;
    if (query.mode == Mode::RegularExpression) {
        expression = QRegularExpression(query.text, query.caseSensitivity == Qt::CaseInsensitive
                                                        ? QRegularExpression::CaseInsensitiveOption
                                                        : QRegularExpression::NoPatternOption);
        if (!expression.isValid()) {
            const QString message =
                tr("The regular expression is not valid: %1").arg(expression.errorString());
            QMetaObject::invokeMethod(
                this,
                [this, generation, message] {
                    if (generation == m_generation)
                        Q_EMIT failed(message);
                },
                Qt::QueuedConnection);
            return;
        }
        expression.optimize();
    }

    const QPointer<LogSearch> self(this);
    const auto post = [self, generation](QList<qint64> batch, qint64 searched, qint64 total,
                                         bool done) {
        WorkerThread::post([self, generation, batch = std::move(batch), searched, total, done] {
            if (self)
                self->deliver(generation, batch, searched, total, done);
        });
    };

    m_running = true;
    m_thread = WorkerThread::start([buffer = m_buffer, query, expression, begin, end, post] {
        const bool plain = query.mode == Mode::Plain;
        const bool sensitive = query.caseSensitivity == Qt::CaseSensitive;
        const QByteArray needle = query.text.toUtf8();
        const FoldedNeedle foldedNeedle(query.text);
        std::optional<LogStream::Stream> wantedStream;
        if (query.streams != Streams::Both)
            wantedStream = query.streams == Streams::Stdout ? LogStream::Stream::Stdout
                                                            : LogStream::Stream::Stderr;

        QList<qint64> batch;
        QElapsedTimer sincePost;
        sincePost.start();
        QByteArray folded;
        std::vector<qsizetype> unicodeLines;
        std::vector<qsizetype> asciiHits;
        qint64 line = begin;
        while (line < end && !WorkerThread::isStopRequested()) {
            const LogBuffer::Slice slice = buffer->slice(line);
            if (slice.size() == 0)
                break;
            const qsizetype from = qsizetype(line - slice.firstLine);
            const qsizetype to = qsizetype(qMin<qint64>(end - slice.firstLine, slice.size()));
            const auto found = [&](qsizetype i) {
                if (!wantedStream || slice.stream(i) == *wantedStream)
                    batch.append(slice.firstLine + i);
            };
            if (slice.bytes.size() < slice.end(to - 1)) {
                // The chunk was lost (the temporary file failed); nothing to search in it.
            } else if (plain && sensitive) {
                findPlain(slice, from, to, slice.bytes.constData(), needle, found);
            } else if (plain) {
                const qsizetype start = slice.start(from);
                const qsizetype stop = slice.end(to - 1);
                folded.resize(slice.bytes.size());
                unicodeLines.clear();
                if (foldAscii(slice.bytes.constData() + start, folded.data() + start, stop - start))
                    nonAsciiLines(slice, from, to, &unicodeLines);
                asciiHits.clear();
                if (foldedNeedle.foldsToAscii) {
                    auto next = unicodeLines.cbegin();
                    findPlain(slice, from, to, folded.constData(), foldedNeedle.ascii,
                              [&](qsizetype i) {
                                  while (next != unicodeLines.cend() && *next < i)
                                      ++next;
                                  if (next == unicodeLines.cend() || *next != i)
                                      asciiHits.push_back(i);
                              });
                }
                // Lines that are not ASCII are compared as text, in line order with the rest.
                auto hit = asciiHits.cbegin();
                for (const qsizetype i : unicodeLines) {
                    for (; hit != asciiHits.cend() && *hit < i; ++hit)
                        found(*hit);
                    if (QString::fromUtf8(slice.line(i)).contains(query.text, Qt::CaseInsensitive))
                        found(i);
                }
                for (; hit != asciiHits.cend(); ++hit)
                    found(*hit);
            } else {
                for (qsizetype i = from; i < to; ++i) {
                    if (wantedStream && slice.stream(i) != *wantedStream)
                        continue;
                    if (expression.match(QString::fromUtf8(slice.line(i))).hasMatch())
                        found(i);
                }
            }
            line = slice.firstLine + to;
            if (batch.size() >= BatchLines || sincePost.elapsed() >= BatchMs) {
                post(std::exchange(batch, {}), line - begin, end - begin, false);
                sincePost.restart();
            }
        }
        if (!WorkerThread::isStopRequested())
            post(std::exchange(batch, {}), line - begin, end - begin, true);
    });
}
