#pragma once

#include "sandbox/Error.h"

#include <QByteArray>
#include <QIODevice>

// A sink for SandboxFiles::readArchive() that keeps only the first bytes of the archive's
// first file, for a preview: it reads the tar headers (ustar, with pax and GNU long-name
// records), keeps up to limit bytes of the content and drops everything after, so that a huge
// file never fills memory. headReady() once it has what it wants; the caller then cancels the
// transfer.
class TarHeadSink final : public QIODevice
{
    Q_OBJECT
public:
    enum class Kind
    {
        Unknown, // no header yet
        File,
        Folder,
        Symlink,
        Other
    };

    explicit TarHeadSink(qint64 limit, QObject* parent = nullptr);

    bool isSequential() const override { return true; }

    bool isReady() const { return m_ready; }
    Kind kind() const { return m_kind; }
    // The file's whole size as the archive gives it.
    qint64 size() const { return m_size; }
    // The first entry's owner and group ids; -1 when not known.
    qint64 uid() const { return m_uid; }
    qint64 gid() const { return m_gid; }
    // At most limit bytes from the start of the file.
    const QByteArray& head() const { return m_head; }
    bool isTruncated() const { return m_size > m_head.size(); }
    // A header that is not tar, or the archive ended before the file did.
    const Error& error() const { return m_error; }
    // The archive ended: says so when the head is not complete.
    void finishInput();

Q_SIGNALS:
    void headReady();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    enum class Stage
    {
        Header,
        Skipping, // the content of a pax or long-name record
        Extended, // the content of a pax record, kept to read its size
        Content,
        Done
    };

    void consumeHeader();
    void fail(const QString& message);
    void setReady();

    const qint64 m_limit;
    Stage m_stage = Stage::Header;
    QByteArray m_block;     // a header being gathered
    qint64 m_remaining = 0; // bytes of the current record, padding included
    qint64 m_paxSize = -1;  // a size from a pax record, for the next header
    qint64 m_paxUid = -1;
    qint64 m_paxGid = -1;
    QByteArray m_pax;
    Kind m_kind = Kind::Unknown;
    qint64 m_size = 0;
    qint64 m_uid = -1;
    qint64 m_gid = -1;
    QByteArray m_head;
    Error m_error;
    bool m_ready = false;
};
