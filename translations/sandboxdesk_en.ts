<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Backend</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkOperation</name>
    <message>
        <source>The connection is gone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Connected · version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateSandboxDialog</name>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory “%1” is not a size; write for example 512m or 2g.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port “%1” is not valid; write CONTAINER, HOST:CONTAINER or IP:HOST:CONTAINER, with an optional /tcp or /udp, for example 8080:80.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” is not on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull it from its registry, then create the sandbox?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull and Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memor&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example alpine:3.20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; letters, digits, “_”, “.” and “-”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for example sleep 3600; else the image&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for example /work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 512m or 2g; empty for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, for example 8080:80, 127.0.0.1:5432:5432</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the sandbox when it e&amp;xits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start after creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Select a sandbox to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerBackend</name>
    <message>
        <source>The engine closed the event stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a container list that is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox or image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is not in a state that allows this, or the name is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine failed to carry out the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine created nothing it could name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent details that are not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image “%1” could not be pulled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerConnections</name>
    <message>
        <source>Docker (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine address from %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerEndpoint</name>
    <message>
        <source>default socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker context “%1” has no engine address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker context “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rootless Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podman (user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podman (system)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerExecSession</name>
    <message>
        <source>The sandbox refused to run the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not name the new process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not start the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not hand over the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a malformed output frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the sandbox was lost; the command is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockerLogStream</name>
    <message>
        <source>The engine failed to read the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a log frame of unknown kind (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine did not describe the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine refused to send the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EciClient</name>
    <message numerus="yes">
        <source>The ECI endpoint did not answer within %n second(s).</source>
        <translation>
            <numerusform>The ECI endpoint did not answer within %n second.</numerusform>
            <numerusform>The ECI endpoint did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the ECI endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ECI endpoint sent a response that is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request because this computer&apos;s clock is off by more than 15 minutes. Correct the system time and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request signature: check the AccessKey secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud does not know this AccessKey ID, or it is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security token is invalid or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This AccessKey is not allowed to do this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container group is not in a state that allows this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such container group or resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud is throttling requests; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud failed to process the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ECI endpoint &quot;%1&quot; is not a host, host:port or http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alibaba Cloud AccessKey is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alibaba Cloud is throttling requests; retrying in %n s.</source>
        <translation>
            <numerusform>Alibaba Cloud is throttling requests; retrying in %n s.</numerusform>
            <numerusform>Alibaba Cloud is throttling requests; retrying in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>No address given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket path is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported address scheme “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Cannot reach the engine at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is listening on the socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied; the socket may need membership of its group (for Docker: docker).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpReply</name>
    <message>
        <source>The engine did not switch protocols.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine sent a malformed response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected protocol switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before the engine answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed in the middle of a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogBuffer</name>
    <message>
        <source>Cannot create a temporary file for the log (%1); the oldest lines are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the log to a temporary file (%1); the oldest lines are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogSearch</name>
    <message>
        <source>The regular expression is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <source>Jump to latest (%n new lines)</source>
        <translation>
            <numerusform>Jump to latest (%n new line)</numerusform>
            <numerusform>Jump to latest (%n new lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogWindow</name>
    <message>
        <source>Logs — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep showing new output as the sandbox writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the logs again with these options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regular Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in UTC instead of local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;All Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Matching Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the lines shown so far; new output still appears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — the sandbox stopped; resumes when it runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Matching Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logs could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a sandbox (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SandboxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, image or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sandboxes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a sandbox from an image to get started. Sandboxes created with the docker CLI or any other tool appear here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 at %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine address is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the engine: &lt;code&gt;sudo systemctl start docker&lt;/code&gt;, or for Podman &lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If access to the socket is denied, add yourself to the &lt;code&gt;docker&lt;/code&gt; group (&lt;code&gt;sudo usermod -aG docker $USER&lt;/code&gt;) and log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another engine: set &lt;code&gt;DOCKER_HOST&lt;/code&gt; (for example &lt;code&gt;tcp://192.168.1.10:2375&lt;/code&gt;) or start SandboxDesk with &lt;code&gt;--docker HOST&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an engine address in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SandboxDesk never starts an engine itself; it connects as soon as one answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No container engine is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandboxes: %1 · Running: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: engine %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox Not Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox was created but could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the sandbox “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %1 sandboxes? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also remove running ones (force)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” failed for %2 of %3 sandboxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SandboxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See, start, stop and clean up the sandboxes on your container engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Terminals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>“%1” is not an engine address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask before deleting sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start new sandboxes after creating them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker Engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besides the engine found like the docker CLI finds it (DOCKER_HOST, the current context, the default socket), SandboxDesk connects to these addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example tcp://host:2375 or ssh://user@host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxSpec</name>
    <message>
        <source>An image is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image name must not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may use letters, digits, “_”, “.” and “-”, must start with a letter or digit and be 2 to 128 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment entry “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs must be between 0 (no limit) and 1024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory must be at least 6 MiB, or empty for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory must be an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>Terminal session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be exported.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;Plain Text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;asciicast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to Own Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection cannot open terminals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asciicast files (*.cast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export of this session is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalTabs</name>
    <message>
        <source>Terminal menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message>
        <source>Find in terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click to open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See and manage the sandboxes on your container engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the engine at HOST for this run instead of the one DOCKER_HOST or the docker context names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use LANGUAGE (en or zh_CN) for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language “%1”; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sandboxctl</name>
    <message>
        <source>Usage: sandboxctl [--docker HOST] COMMAND [ARGS…]

Commands:
  list [--json]                 list every sandbox
  inspect ID                    print the engine&apos;s details as JSON
  create --image IMAGE [--name N] [--env K=V]… [--label K=V]… [--workdir DIR]
         [--cpus N] [--memory SIZE] [--network MODE] [-p [IP:]HOST:PORT]… [--rm]
         [--start] [-- CMD…]     create a sandbox and print its id
  start|stop|restart|pause|unpause|kill ID…
  rm [-f] ID…                   remove sandboxes (-f: also running ones)
  exec [-i] [-t] ID [-- CMD…]    run a command (default: a shell) in a sandbox;
                                -i passes stdin, -t gives it a terminal; both are
                                on when stdin is a terminal and neither is given
  images                        list local images
  pull IMAGE                    pull an image
  logs [-f] [--since T] [--tail N] [--timestamps] ID
                                print the log (stderr lines to stderr); T is
                                RFC 3339 or a duration back from now (10m, 2h)

ID is an id, a unique id prefix or a name. The engine is found like the docker
CLI finds it (DOCKER_HOST, DOCKER_CONTEXT, the current context, the default
socket). Exit codes: 0 success, 1 failure, 2 unknown sandbox, 64 usage; exec exits
with the command&apos;s own code.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” matches more than one sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label “%1” is not KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of CPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a memory size (for example 512m or 2g).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a port binding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sandbox cannot run commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither an RFC 3339 time nor a duration such as 10m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
