// Must not compile under ui's guard (ui/CMakeLists.txt); ui.backend_include_fails checks it.
#include "docker/DockerBackend.h"
