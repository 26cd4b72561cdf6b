#pragma once

#include "Error.h"

#include <QObject>
#include <QVariant>

#include <utility>

// One call to a backend: it finishes once, with a result or an error, and can be cancelled.
// It deletes itself after finished() unless the caller keeps it with setAutoDelete(false).
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject* parent = nullptr);
    ~Job() override;

    bool isFinished() const { return m_finished; }
    const Error& error() const { return m_error; }
    // Untyped jobs only (EciClient's calls, the credential store); the backend contract
    // returns ResultJob<T>, whose value() is typed.
    const QVariant& result() const { return m_result; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void cancel();
    // For whoever runs the job: the first call wins, later ones are ignored.
    void finishWithResult(const QVariant& result);
    void finishWithError(const Error& error);
    void reportProgress(qint64 done, qint64 total, const QString& text);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, const QString& text);
    void cancelRequested();
    void finished();

private:
    void finish();

    QVariant m_result;
    Error m_error;
    bool m_finished = false;
    bool m_autoDelete = true;
};

// A job with one typed result: one value or one error, the first call wins. Cancelling or
// failing leaves value() default-constructed.
template<typename T> class ResultJob final : public Job
{
public:
    using Job::Job;

    const T& value() const { return m_value; }
    void finishWithValue(T value)
    {
        if (isFinished())
            return;
        m_value = std::move(value);
        Job::finishWithResult(QVariant());
    }

    // The value is typed: no QVariant goes in or comes out.
    void finishWithResult(const QVariant&) = delete;
    const QVariant& result() const = delete;

private:
    T m_value{};
};
