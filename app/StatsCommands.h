#pragma once

#include "sandbox/Sandbox.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class Backend;
class StatsStream;
struct Error;

// sandboxctl stats: a sandbox's live resource use through Backend::openStats(), in the columns
// and units `docker stats` prints, or as JSON.
class StatsCommands final : public QObject
{
public:
    // An id or name to a sandbox id, or empty with *problem set.
    using Resolver = std::function<QString(const QString& idOrName, QString* problem)>;
    // Ends the command: message (if any) to stderr, then exit with code.
    using Finisher = std::function<void(const QString& message, int code)>;

    // begun is called once output has started: from then on a stream runs until it ends.
    StatsCommands(Backend* backend, Resolver resolve, Finisher finish, std::function<void()> begun,
                  QObject* parent = nullptr);

    static bool handles(const QString& verb);
    // The lines --help shows for this command, translated.
    static QString usage();
    void run(const QStringList& args);

    // The docker CLI's sizes: binary units to four significant digits (memory, "1.5MiB") and
    // decimal ones to three (network and block I/O, "12.3kB").
    static QString binarySize(double bytes);
    static QString decimalSize(double bytes);

private:
    struct Row
    {
        QString id;
        QString name;
        ResourceSample sample;
        StatsStream* stream = nullptr;
        bool measured = false;
        bool done = false;
        QString problem;
    };

    void watch(const Sandbox& sandbox);
    void onSampled(const QString& id, const ResourceSample& sample);
    void onDone(const QString& id, const Error* error);
    Row* row(const QString& id);
    void finishWhenAllDone();
    void printTable();
    QJsonObject toJson(const Row& row) const;

    Backend* m_backend;
    Resolver m_resolve;
    Finisher m_finish;
    std::function<void()> m_begun;
    QList<Row> m_rows;
    bool m_noStream = false;
    bool m_json = false;
    bool m_named = false; // sandboxes were named: only they are shown
    bool m_failed = false;
    QTimer m_redraw;
};
