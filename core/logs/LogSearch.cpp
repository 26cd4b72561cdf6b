#include "LogSearch.h"

#include "WorkerThread.h"

#include "LogBuffer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <utility>

namespace {

constexpr int BatchLines = 4096;
constexpr int BatchMs = 50;

bool isAscii(const QByteArray& bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

char asciiLower(char c)
{
    static const auto table = [] {
        std::array<char, 256> lower{};
        for (int i = 0; i < 256; ++i)
            lower[size_t(i)] = char(i >= 'A' && i <= 'Z' ? i + ('a' - 'A') : i);
        return lower;
    }();
    return table[uchar(c)];
}

// Lines of the slice in [from, to) that contain needle; the search runs over the whole
// chunk at once, and a hit that runs past its line's end is no hit.
void findPlain(const LogBuffer::Slice& slice, qsizetype from, qsizetype to, const QByteArray& bytes,
               const QByteArray& needle, const std::function<void(qsizetype)>& found)
{
    const char* data = bytes.constData();
    qsizetype line = from;
    qsizetype at = slice.start(from);
    const qsizetype stop = slice.end(to - 1);
    if (needle.isEmpty()) {
        for (; line < to; ++line)
            found(line);
        return;
    }
    while (line < to && at < stop) {
        const void* hit =
            memmem(data + at, size_t(stop - at), needle.constData(), size_t(needle.size()));
        if (!hit)
            return;
        const qsizetype offset = static_cast<const char*>(hit) - data;
        // The line holding offset: lines are contiguous, so search forward from line.
        qsizetype lo = line;
        qsizetype hi = to - 1;
        while (lo < hi) {
            const qsizetype mid = (lo + hi + 1) / 2;
            if (slice.start(mid) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        line = lo;
        // An empty line shares its offset with the next one; take the one the hit fits in.
        while (line + 1 < to && slice.end(line) <= offset)
            ++line;
        if (offset + needle.size() <= slice.end(line))
            found(line);
        at = slice.end(line);
        ++line;
    }
}

} // namespace

LogSearch::LogSearch(const LogBuffer* buffer, QObject* parent)
    : QObject(parent)
    , m_buffer(buffer)
{}

LogSearch::~LogSearch()
{
    stopWorker();
}

void LogSearch::cancel()
{
    if (!m_thread)
        return;
    stopWorker();
    Q_EMIT finished(false);
}

void LogSearch::stopWorker()
{
    ++m_generation;
    stopWorkerThread(m_thread, m_cancel);
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
    }

    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelled = m_cancel;
    const LogBuffer* buffer = m_buffer;
    const auto post = [this, generation](QList<qint64> batch, qint64 searched, qint64 total,
                                         bool done) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, batch = std::move(batch), searched, total, done] {
                if (generation != m_generation)
                    return;
                if (!batch.isEmpty()) {
                    m_matches += batch;
                    Q_EMIT matchesFound(batch);
                }
                Q_EMIT progressed(searched, total);
                if (done) {
                    m_thread->wait();
                    delete m_thread;
                    m_thread = nullptr;
                    Q_EMIT finished(true);
                }
            },
            Qt::QueuedConnection);
    };

    m_thread = QThread::create([buffer, query, expression, begin, end, cancelled, post] {
        const QByteArray needleUtf8 = query.text.toUtf8();
        const bool plain = query.mode == Mode::Plain;
        const bool foldAscii =
            plain && query.caseSensitivity == Qt::CaseInsensitive && isAscii(needleUtf8);
        const bool perLineText =
            !plain || (query.caseSensitivity == Qt::CaseInsensitive && !foldAscii);
        QByteArray needle = needleUtf8;
        if (foldAscii)
            std::transform(needle.begin(), needle.end(), needle.begin(), asciiLower);

        QList<qint64> batch;
        QElapsedTimer sincePost;
        sincePost.start();
        QByteArray folded;
        qint64 line = begin;
        while (line < end && !cancelled->load(std::memory_order_relaxed)) {
            const LogBuffer::Slice slice = buffer->slice(line);
            if (slice.size() == 0)
                break;
            const qsizetype from = qsizetype(line - slice.firstLine);
            const qsizetype to = qsizetype(qMin<qint64>(end - slice.firstLine, slice.size()));
            const auto found = [&](qsizetype i) {
                batch.append(slice.firstLine + i);
            };
            if (slice.bytes.size() < slice.end(to - 1)) {
                // The chunk was lost (the temporary file failed); nothing to search in it.
            } else if (!perLineText) {
                const QByteArray* bytes = &slice.bytes;
                if (foldAscii) {
                    folded.resize(slice.bytes.size());
                    std::transform(slice.bytes.cbegin(), slice.bytes.cend(), folded.begin(),
                                   asciiLower);
                    bytes = &folded;
                }
                findPlain(slice, from, to, *bytes, needle, found);
            } else {
                for (qsizetype i = from; i < to; ++i) {
                    const QString text = QString::fromUtf8(slice.line(i));
                    const bool hit = plain ? text.contains(query.text, query.caseSensitivity)
                                           : expression.match(text).hasMatch();
                    if (hit)
                        found(i);
                }
            }
            line = slice.firstLine + to;
            if (batch.size() >= BatchLines || sincePost.elapsed() >= BatchMs) {
                post(std::exchange(batch, {}), line - begin, end - begin, false);
                sincePost.restart();
            }
        }
        if (!cancelled->load())
            post(std::exchange(batch, {}), line - begin, end - begin, true);
    });
    m_thread->start();
}
