#include "ExecProbe.h"

#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"
#include "sandbox/Job.h"

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace ExecProbe {

namespace {

// What a look-up prints is a few lines; the bound only stops a runaway.
constexpr qsizetype MaxOutput = 64 * 1024;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ExecProbe)
};

} // namespace

void run(Job* job, Backend* backend, const QString& sandboxId, const QString& container,
         const QStringList& command, const std::function<void(const QByteArray& output)>& onEnded)
{
    ExecOptions options;
    options.command = command;
    options.tty = false;
    options.attachStdin = false;
    options.container = container;
    ExecSession* session = backend ? backend->openExec(sandboxId, options) : nullptr;
    if (!session) {
        QTimer::singleShot(0, job, [job] {
            job->finishWithError(
                Error::make(Error::Invalid, Text::tr("This sandbox cannot run commands.")));
        });
        return;
    }
    session->setParent(job);
    auto out = std::make_shared<QByteArray>();
    QObject::connect(session, &ExecSession::received, job,
                     [out](ExecSession::Stream stream, const QByteArray& bytes) {
                         if (stream == ExecSession::Stream::Stdout && out->size() < MaxOutput)
                             out->append(bytes);
                     });
    QObject::connect(session, &ExecSession::finished, job, [out, onEnded](int) { onEnded(*out); });
    QObject::connect(session, &ExecSession::failed, job,
                     [job](const Error& error) { job->finishWithError(error); });
    QObject::connect(job, &Job::cancelRequested, session, &ExecSession::close);
    session->start();
}

} // namespace ExecProbe
