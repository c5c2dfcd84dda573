/* A C host of the installed library (tests/install): sla_version() is VERSION.
     consumer VERSION */
#include <sla/sla.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  printf("sla %s\n", sla_version());
  return strcmp(sla_version(), argv[1]) == 0 ? 0 : 1;
}
