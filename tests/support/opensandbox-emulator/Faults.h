#pragma once

#include <QString>
#include <QStringList>

// Faults the emulator injects, set at start (--fault) or while it runs (/__emulator/fault).
struct Faults
{
    int slowMs = 0;       // every API reply waits this long
    int serverErrors = 0; // the next N API requests answer 503
    int dropStreams = 0;  // the next N SSE streams are cut after their first output event
    int malformed = 0;    // the next N SSE streams get an event that is not JSON
    int noBackground = 0; // the next N background commands are refused as not served (404)
    int requests = 0;     // API requests answered (not counting the control pages)

    // "slow:MS", "5xx:N", "drop:N", "malformed:N", "nobackground:N".
    bool apply(const QString& spec)
    {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = false;
        const int n = parts.value(1).toInt(&ok);
        if (parts.size() != 2 || !ok || n < 0)
            return false;
        const QString& name = parts.first();
        if (name == QLatin1String("slow"))
            slowMs = n;
        else if (name == QLatin1String("5xx"))
            serverErrors = n;
        else if (name == QLatin1String("drop"))
            dropStreams = n;
        else if (name == QLatin1String("malformed"))
            malformed = n;
        else if (name == QLatin1String("nobackground"))
            noBackground = n;
        else
            return false;
        return true;
    }

    static bool take(int& counter)
    {
        if (counter <= 0)
            return false;
        --counter;
        return true;
    }
};
