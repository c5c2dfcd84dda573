# Install rules, included by the root CMakeLists.txt. `cmake --install build
# --prefix /usr/local` puts (paths from GNUInstallDirs):
#   bin/sla                      the command line (statically linked)
#   lib/libsla.so.0.1.0, .so.0, .so, libsla.a
#   lib/libsla_json.so.0.1.0, .so.0, .so   the JSON boundary
#   lib/cmake/sla/               slaConfig.cmake, slaConfigVersion.cmake, exported targets
#   lib/pkgconfig/sla.pc
#   include/sla/                 the public headers (C++ and sla.h)
#   share/sla/std/               the stdlib modules (also built into the library)
#   share/sla/contracts/         the bundled contracts and their samples/
include(CMakePackageConfigHelpers)

set(SLA_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/sla)
set(SLA_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/sla)

# The library: two export sets, because only the static one needs fmt and date
# found by the consumer (slaConfig.cmake finds them before loading it).
install(TARGETS sla_shared EXPORT slaTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS sla_static EXPORT slaStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/sla DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

install(TARGETS sla RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# libsla_json.so: the JSON boundary (sla/sla_json.h), linked with -lsla_json.
if(TARGET sla_json)
  install(TARGETS sla_json LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/stdlib/std DESTINATION ${SLA_INSTALL_DATADIR}
        FILES_MATCHING PATTERN "*.sla")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/contracts/ DESTINATION ${SLA_INSTALL_DATADIR}/contracts
        FILES_MATCHING PATTERN "*.sla" PATTERN "samples" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/contracts/samples
        DESTINATION ${SLA_INSTALL_DATADIR}/contracts)

# The CMake package: find_package(sla) -> sla::sla, sla::sla_static.
install(EXPORT slaTargets NAMESPACE sla:: DESTINATION ${SLA_INSTALL_CMAKEDIR})
install(EXPORT slaStaticTargets NAMESPACE sla:: DESTINATION ${SLA_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/slaConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/slaConfig.cmake
                              INSTALL_DESTINATION ${SLA_INSTALL_CMAKEDIR}
                              PATH_VARS SLA_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/slaConfigVersion.cmake
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/slaConfig.cmake ${PROJECT_BINARY_DIR}/slaConfigVersion.cmake
        DESTINATION ${SLA_INSTALL_CMAKEDIR})

# pkg-config: relocatable (paths relative to the .pc file itself, ${pcfiledir}),
# so that `cmake --install --prefix ANYWHERE` gives a working sla.pc.
file(RELATIVE_PATH SLA_PC_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
string(REGEX REPLACE "/$" "" SLA_PC_PREFIX "${SLA_PC_PREFIX}")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(SLA_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(SLA_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/sla.pc.in ${PROJECT_BINARY_DIR}/sla.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/sla.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
