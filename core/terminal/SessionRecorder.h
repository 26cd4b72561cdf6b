#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <memory>

class QFile;
class QTemporaryFile;

struct SessionEvent
{
    enum class Kind : quint8
    {
        Output,
        Input,
        Resize
    };
    qint64 ms = 0; // since the recording started
    Kind kind = Kind::Output;
    QByteArray data; // Output and Input
    int columns = 0; // Resize
    int rows = 0;
};

// Reads a recording back in order. A snapshot: events recorded after reader() are not in it.
// It may be moved to and used on another thread.
class SessionReader final
{
public:
    SessionReader();
    SessionReader(SessionReader&& other) noexcept;
    SessionReader& operator=(SessionReader&& other) noexcept;
    ~SessionReader();

    bool next(SessionEvent* event);
    // Leaves input events out of next(): an export without the keystrokes.
    void setSkipInput(bool skip) { m_skipInput = skip; }
    qint64 position() const { return m_position; }
    qint64 size() const { return m_size; }
    int initialColumns() const { return m_columns; }
    int initialRows() const { return m_rows; }
    QDateTime startedAt() const { return m_startedAt; }
    bool hasError() const { return m_error; }

private:
    friend class SessionRecorder;
    bool readEvent(SessionEvent* event);
    bool read(char* into, qint64 size);

    QByteArray m_memory;
    std::unique_ptr<QFile> m_file;
    qint64 m_size = 0;
    qint64 m_position = 0;
    int m_columns = 80;
    int m_rows = 24;
    QDateTime m_startedAt;
    bool m_error = false;
    bool m_skipInput = false;
};

// Output, input and resizes of one terminal session with their times, in bounded memory:
// past memoryLimit the recording moves to a temporary file that is removed with the recorder.
class SessionRecorder final
{
public:
    static constexpr qint64 DefaultMemoryLimit = 16 * 1024 * 1024;

    SessionRecorder(int columns, int rows, qint64 memoryLimit = DefaultMemoryLimit);
    ~SessionRecorder();
    Q_DISABLE_COPY_MOVE(SessionRecorder)

    void recordOutput(const QByteArray& bytes);
    void recordInput(const QByteArray& bytes);
    void recordResize(int columns, int rows);
    // With an explicit time, for imports and tests; times should not go backwards.
    void record(const SessionEvent& event);

    qint64 elapsedMs() const { return m_clock.elapsed(); }
    QDateTime startedAt() const { return m_startedAt; }
    int initialColumns() const { return m_columns; }
    int initialRows() const { return m_rows; }
    qint64 size() const { return m_size; }
    qint64 eventCount() const { return m_events; }
    bool isSpilled() const { return m_file != nullptr; }
    // Set when the temporary file could not be written or reached the spill files' disk
    // limit; recording stops there.
    bool hasError() const { return m_error; }

    SessionReader reader() const;

private:
    void append(const QByteArray& record);

    int m_columns;
    int m_rows;
    qint64 m_memoryLimit;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_file;
    qint64 m_spilled = 0; // taken from the spill files' disk limit
    qint64 m_size = 0;
    qint64 m_events = 0;
    bool m_error = false;
};
