#pragma once

#include "ExecdAddress.h"
#include "files/FileEntry.h"

#include <QObject>
#include <QPointer>

class HttpClient;
class HttpReply;
class Job;
class MultipartBody;
class QIODevice;

// One OpenSandboxFiles::writeArchive(): reads the tar stream from source as it comes and
// makes each entry through execd: a folder with POST /directories, a file with one multipart
// POST /files/upload whose content part is streamed from the archive, never a whole file in
// memory (reading the source waits while the request's queue is full). A name that is
// absolute or climbs with ".." fails the job before anything of it is written, as the Docker
// engine refuses such an archive; links and special files cannot be made through execd and
// are left out, named in the job's error once the rest is written. Belongs to the job.
class OpenSandboxUpload final : public QObject
{
    Q_OBJECT
public:
    OpenSandboxUpload(Job* job, QIODevice* source, const RemotePath& folder, HttpClient* http,
                      const ExecdAddress& address, const QString& apiKey);

    // The multipart body of one upload before the file's content, and after it.
    static QByteArray partsBefore(const QByteArray& boundary, const RemotePath& path, quint32 mode);
    static QByteArray partsAfter(const QByteArray& boundary);

private:
    enum class Stage
    {
        Header,
        Extended, // a pax record or a GNU long name, kept to name the next entry
        Content,  // a file's bytes, into the current upload
        Skipping, // what is left out, and the padding after content
        Waiting,  // for execd to answer the current entry
        Done
    };

    void pump();
    void consumeHeader();
    void beginFile(const RemotePath& path, quint32 mode, qint64 size);
    void endFile();
    void makeFolder(const RemotePath& path, quint32 mode);
    void watch(HttpReply* reply, const RemotePath& path);
    void sourceEnded();
    void fail(const Error& error);
    bool sourceAtEnd() const;

    QPointer<Job> m_job;
    QPointer<QIODevice> m_source;
    RemotePath m_folder;
    HttpClient* m_http;
    ExecdAddress m_address;
    QString m_apiKey;
    QByteArray m_boundary;

    Stage m_stage = Stage::Header;
    Stage m_afterWait = Stage::Header;
    QByteArray m_input; // read from the source, not yet used
    QByteArray m_block;
    qint64 m_remaining = 0; // of the current record or content
    qint64 m_padding = 0;   // after the current content
    QByteArray m_extended;
    char m_extendedType = 0;
    QByteArray m_longName; // for the next header
    qint64 m_paxSize = -1;
    QPointer<MultipartBody> m_body;
    QPointer<HttpReply> m_reply;
    bool m_sourceEnded = false;
    bool m_pumping = false;
    qint64 m_consumed = 0;
    QStringList m_leftOut;
};
