#pragma once

#include "sandbox/Error.h"

#include <QHash>
#include <QIODevice>
#include <QStringList>

#include <memory>

struct TarExtractorState;

// Unpacks a tar stream written into it into a local folder, on a worker thread, as the bytes
// arrive: a sink for SandboxFiles::readArchive(). bytesToWrite() is what waits in the queue and
// bytesWritten() says when the worker took it. Nothing is written outside the folder: names
// with "..", absolute names, entries reached through a symbolic link (any, including one the
// same archive made), hard links to anything but a regular file inside the folder, device
// nodes, FIFOs and sockets are refused, each with its own message, and the rest goes on.
// Setuid, setgid and sticky bits are dropped from files. A file is written under a temporary
// name in its folder and renamed once complete, so no partial file has its final name.
// Bytes written after the archive's end marker was read are taken and dropped.
class TarExtractor final : public QIODevice
{
    Q_OBJECT
public:
    // What to do with an entry whose first name exists in the folder already.
    enum class Conflict
    {
        Overwrite, // files replaced, folders merged (the default)
        Skip,      // nothing under that name is written
        Rename,    // written under another first name
    };

    explicit TarExtractor(const QString& folder, QObject* parent = nullptr);
    ~TarExtractor() override;

    // Before open(): what to do with the entries under the first name topName.
    void setConflict(const QByteArray& topName, Conflict conflict,
                     const QByteArray& renamedTo = {});

    // WriteOnly; starts the worker.
    bool open(OpenMode mode) override;
    bool isSequential() const override { return true; }
    qint64 bytesToWrite() const override;
    // No more bytes will come: the worker finishes the archive and then finished().
    void finishInput();
    // Stops at once and removes everything this extractor made; finished() follows.
    void abort();

    bool isFinished() const { return m_finished; }
    // A broken archive, a failed write or Cancelled. Refusals are not errors.
    const Error& error() const { return m_error; }
    // Each refused entry, translated, at most a hundred.
    const QStringList& refusals() const { return m_refusals; }
    int refusedCount() const { return m_refusedCount; }
    // The first names written, after renames, each once.
    const QList<QByteArray>& topNames() const { return m_topNames; }

    // "a/./b/" -> {"a", "b"}; empty with *why set for an absolute name or one with "..".
    // An entry naming the folder itself ("." or "./") gives an empty list and no reason.
    static QList<QByteArray> splitEntryName(const QByteArray& name, QString* why);

Q_SIGNALS:
    void finished();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    void onWorkerFinished(const Error& error, const QStringList& refusals, int refusedCount,
                          const QList<QByteArray>& topNames);

    QString m_folder;
    QHash<QByteArray, QPair<Conflict, QByteArray>> m_conflicts;
    std::shared_ptr<TarExtractorState> m_state;
    Error m_error;
    QStringList m_refusals;
    int m_refusedCount = 0;
    QList<QByteArray> m_topNames;
    bool m_started = false;
    bool m_finished = false;
};
