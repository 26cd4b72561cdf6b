#pragma once

#include "sandbox/Error.h"

#include <QIODevice>
#include <QStringList>

#include <memory>

class ChunkQueue;

// Packs local files and folders into a tar stream read from it, on a worker thread that stays
// a few megabytes ahead of the reader: a source for SandboxFiles::writeArchive(). readyRead()
// when bytes wait, readChannelFinished() after the last one. The rule for what is not a file
// or a folder: a symbolic link goes in as a symbolic link (never followed), and device nodes,
// FIFOs and sockets are left out, each named in warnings().
class TarPacker final : public QIODevice
{
    Q_OBJECT
public:
    struct Item
    {
        QString localPath;
        QByteArray name; // its name in the archive; everything below it goes under that name
    };

    explicit TarPacker(const QList<Item>& items, QObject* parent = nullptr);
    ~TarPacker() override;

    // The bytes of the regular files under items, for progress; follows no symbolic link.
    static qint64 contentSize(const QList<Item>& items);

    // ReadOnly; starts the worker.
    bool open(OpenMode mode) override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;
    // Stops the worker; the stream ends without its last bytes.
    void abort();

    bool isFinished() const { return m_finished; }
    // A local file that could not be read, or Cancelled.
    const Error& error() const { return m_error; }
    const QStringList& warnings() const { return m_warnings; }
    // Archive bytes read from it so far.
    qint64 bytesRead() const { return m_bytesRead; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    void onWorkerProduced();
    void onWorkerFinished(const Error& error, const QStringList& warnings);

    QList<Item> m_items;
    std::shared_ptr<ChunkQueue> m_queue;
    Error m_error;
    QStringList m_warnings;
    bool m_started = false;
    bool m_finished = false;
    qint64 m_bytesRead = 0;
};
